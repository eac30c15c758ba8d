/**
 * The simulated layer model: what `docker build` would do with each instruction, without building.
 *
 * For every instruction of every stage: does it make a filesystem layer, what its cache key
 * depends on, what files it predictably creates and deletes, and which later steps a change to
 * its inputs rebuilds. Rules read this; `layerlint layers` prints it.
 */
import type { Instruction, ParsedDockerfile, Range, Stage } from '../parse/types.js';
import type { SystemPackageCall } from './knowledge/package-managers.js';
import type { DependencyInstall, Ecosystem } from './knowledge/dependencies.js';
import type { BuildCall } from './knowledge/build-tools.js';
import type { BuildContext } from './context.js';

/**
 * How often a COPY/ADD source changes:
 * - broad: the whole context or a source directory/glob: any source edit changes it;
 * - manifest: dependency manifests and lock files: change when dependencies change;
 * - static: specific other files (config, scripts);
 * - stage: output of another build stage (`--from=stage`);
 * - image: files from another image (`--from=image`);
 * - remote: a URL (ADD); inline: a heredoc.
 */
export type Volatility = 'broad' | 'manifest' | 'static' | 'stage' | 'image' | 'remote' | 'inline';

export interface CopySource {
  path: string;
  volatility: Volatility;
  /** Ecosystems whose manifests this source is (for `manifest`) or may contain (for `broad`). */
  ecosystems: Ecosystem[];
  /** With a known build context: the context files it copies (relative paths), after .dockerignore. */
  matchedFiles: string[] | null;
}

/** A place a COPY/ADD writes (src/model/copy-destinations.ts). */
export interface CopyWrite {
  /** The source as written. */
  source: string;
  /** Absolute path in the image. */
  path: string;
  /** true: a directory's contents (anything below path may be written); false: one file at path. */
  tree: boolean;
}

export type EffectKind = 'cache' | 'download' | 'copy' | 'extract' | 'packages' | 'file';

export interface FileEffect {
  /** Absolute path in the image; may contain globs. For `packages`, the packages' names are in `packages`. */
  path: string;
  kind: EffectKind;
  /** Human description: `apt package lists`, `pip cache`, `download of app.tgz`. */
  what: string;
  /** `certain` when the command always does it; `likely` when tools usually do (build tools writing ~/.cache). */
  certainty: 'certain' | 'likely';
  packages?: string[];
  /** A directory of files (a git clone, an extracted archive) rather than one file. */
  tree?: boolean;
  /** The command or instruction responsible. */
  range: Range;
}

export interface CacheInputs {
  /** ARGs in scope: every RUN implicitly uses all ARGs declared before it in the stage. */
  argsInScope: string[];
  /** ARGs the instruction text refers to explicitly. */
  argsUsed: string[];
  /** Context sources (COPY/ADD without --from). */
  contextSources: CopySource[];
  /** `COPY --from=<stage>` or `FROM <stage>` dependency. */
  fromStage: number | null;
  /** Context files a RUN bind-mounts (`--mount=type=bind,source=go.sum,…`): an edit misses its cache as a COPY's would. */
  mountedSources: CopySource[];
  /** Stages a RUN mounts from (`--mount=type=bind,from=deps,…`): built for it; their rebuild rebuilds it. */
  mountedStages: number[];
  /** ADD of a URL or git repo: re-fetched and checksummed each build. */
  remote: boolean;
}

export interface LayerStep {
  /** Index in LayerModel.steps. */
  id: number;
  stageIndex: number;
  instruction: Instruction;
  /** RUN, COPY and ADD create filesystem layers; the rest only change image metadata. */
  createsLayer: boolean;
  cache: CacheInputs;
  copy: {
    sources: CopySource[];
    destination: string;
    /** Where its files land: one file per file source, a tree per directory, glob or extracted archive. */
    writes: CopyWrite[];
    fromStage: number | null;
    fromImage: string | null;
  } | null;
  systemPackages: SystemPackageCall[];
  dependencyInstalls: DependencyInstall[];
  builds: BuildCall[];
  created: FileEffect[];
  deleted: FileEffect[];
  /** Targets of `RUN --mount=type=cache|tmpfs|bind`: nothing written there lands in the layer. */
  mountedPaths: string[];
  /** What a change to makes this step (and so every later step of the stage) rebuild. */
  rebuiltBy: string[];
}

export interface StageModel {
  stage: Stage;
  steps: LayerStep[];
  /** Stages this one reads from: its FROM base stage and `COPY --from` stages. */
  dependsOn: number[];
  /** Part of the image that is shipped (the target stage or a stage it builds FROM). */
  inFinalImage: boolean;
  /** The target stage (the last one unless --target). */
  isTarget: boolean;
  /** Reachable from the target through FROM or COPY --from: it is built. */
  isBuilt: boolean;
}

export interface LayerModel {
  parsed: ParsedDockerfile;
  stages: StageModel[];
  steps: LayerStep[];
  targetStage: number;
  context: BuildContext | null;
  /** By stage index: the layer steps its image holds, its base stages' first (see stepsInImageOf). */
  stepsInImage: LayerStep[][];
}
