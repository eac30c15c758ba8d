/**
 * Docker's cache rule applied to the model: which steps a change rebuilds, and why.
 *
 * The first step whose inputs change misses the cache, and so does every later step of its stage
 * and of every stage built on it (FROM) or reading from it (COPY --from, RUN --mount=from), from
 * that step on. The two builders differ in what a step is and in which stages they build:
 * - classic: every instruction is a step (a changed LABEL rebuilds every later RUN) and every
 *   stage up to the target is built, needed or not;
 * - BuildKit: only RUN, COPY, ADD and WORKDIR are build operations (ENV, ARG, USER and SHELL feed
 *   the RUNs after them; LABEL, CMD, EXPOSE … only the image config), only the stages the target
 *   needs are built, a cache mount's contents are not an input, and `COPY --link` copies into an
 *   empty layer that is reused when only the steps before it changed (the steps after still run,
 *   on the new layer stack).
 */
import { basename } from '../parse/shell-names.js';
import { globToRegExp, hasGlob } from '../util/paths.js';
import type { CopySource, LayerModel, LayerStep, StageModel } from './types.js';

export type Builder = 'classic' | 'buildkit';

/** What changed since the last build. */
export interface ChangeSet {
  /** Context files (relative POSIX paths, not ignored by .dockerignore) added, edited or deleted. */
  files: string[];
  /** Of those, the ones that no longer exist (matched against COPY patterns, not the context listing). */
  deletedFiles?: string[];
  /** Build args whose value changes (`--build-arg`, or a changed default). */
  args?: string[];
  /** Edits of the Dockerfile itself (src/model/dockerfile-diff.ts). */
  instructions?: InstructionChange[];
}

/** An instruction added, edited or removed in the Dockerfile. */
export interface InstructionChange {
  stageIndex: number;
  /**
   * Position in the stage's instructions (after FROM) of the added or edited instruction, or of the
   * one after a removed instruction (the stage's length when it was the last); -1: the FROM.
   */
  position: number;
  /** The changed or removed instruction's keyword: it decides which later step BuildKit rebuilds. */
  keyword: string;
  /** In words, naming the line: `RUN on line 8 changed`. */
  reason: string;
}

/**
 * - rebuilt: the step runs again;
 * - kept: its cache hits;
 * - relinked: a BuildKit `COPY --link` whose own layer is reused on top of rebuilt steps;
 * - config: a BuildKit instruction that only sets image metadata: nothing to build;
 * - not-built: its stage is not built for this target by this builder.
 */
export type StepFate = 'rebuilt' | 'kept' | 'relinked' | 'config' | 'not-built';

export interface StepPrediction {
  step: LayerStep;
  fate: StepFate;
  /** Why this step itself misses the cache (empty when it only follows a rebuilt step). */
  reasons: string[];
  /** The changed files it reads itself (COPY/ADD sources, bind mounts). */
  changedFiles: string[];
  /** Its own reasons are only changed files it reads (no edit of its line, build arg or stage). */
  byFilesOnly: boolean;
}

export interface StagePrediction {
  stage: StageModel;
  /** Built by this builder for the target. */
  built: boolean;
  steps: StepPrediction[];
  /** The first step of the stage that misses the cache, if any. */
  firstRebuilt: StepPrediction | null;
}

export interface RebuildPrediction {
  builder: Builder;
  change: ChangeSet;
  stages: StagePrediction[];
}

/** Instructions BuildKit turns into build operations; the rest only set image config or variables. */
const BUILDKIT_OPERATIONS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
/** Instructions whose change BuildKit feeds into the RUNs after them (environment, user, shell). */
const BUILDKIT_RUN_SETTINGS = new Set(['ENV', 'ARG', 'USER', 'SHELL']);

/** matchedFiles as a set, made once per source: a monorepo change is thousands of files against as many. */
const matchedSets = new WeakMap<string[], Set<string>>();

function matchedSet(files: string[]): Set<string> {
  let set = matchedSets.get(files);
  if (!set) matchedSets.set(files, (set = new Set(files)));
  return set;
}

/** Does a COPY source include the context file `file` (a relative path)? */
export function sourceCovers(source: CopySource, file: string, exists = true): boolean {
  if (source.matchedFiles && exists) return matchedSet(source.matchedFiles).has(file);
  const clean = source.path.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
  if (clean === '.' || clean === '*') return true;
  if (hasGlob(clean)) return globToRegExp(clean).test(file) || globToRegExp(clean).test(basename(file));
  return file === clean || file.startsWith(`${clean}/`);
}

function changedFilesReadBy(sources: CopySource[], change: ChangeSet): string[] {
  const deleted = new Set(change.deletedFiles ?? []);
  return change.files.filter((file) => sources.some((source) => sourceCovers(source, file, !deleted.has(file))));
}

function filesInWords(files: string[]): string {
  const shown = files.slice(0, 3).join(', ');
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}

/**
 * The steps of a stage that an edit of the Dockerfile makes miss the cache, with the reason, by
 * position. Classic: the step at the edit (a removed instruction: the one after it). BuildKit: the
 * first build operation from there for an edited operation, the first RUN for an edited ENV, ARG,
 * USER or SHELL, nothing for config-only instructions (LABEL, CMD, EXPOSE …).
 */
function stepsMissedByEdits(stage: StageModel, changes: InstructionChange[], builder: Builder): Map<number, string[]> {
  const missed = new Map<number, string[]>();
  for (const change of changes) {
    if (change.stageIndex !== stage.stage.index || change.position < 0) continue;
    const affects = (keyword: string) => {
      if (builder === 'classic') return true;
      if (BUILDKIT_OPERATIONS.has(change.keyword)) return BUILDKIT_OPERATIONS.has(keyword);
      return BUILDKIT_RUN_SETTINGS.has(change.keyword) && keyword === 'RUN';
    };
    const position = stage.steps.findIndex((step, index) => index >= change.position && affects(step.instruction.keyword));
    if (position >= 0) missed.set(position, [...(missed.get(position) ?? []), change.reason]);
  }
  return missed;
}

/** Why one step misses the cache by itself, given which stages rebuild. */
function ownReasons(
  step: LayerStep,
  edits: string[],
  change: ChangeSet,
  rebuiltStages: Set<number>,
  stageName: (index: number) => string,
): { reasons: string[]; changedFiles: string[]; byFilesOnly: boolean } {
  const reasons = [...edits];
  const { keyword } = step.instruction;
  const copied = changedFilesReadBy(step.cache.contextSources, change);
  if (copied.length > 0) reasons.push(`${keyword} reads ${filesInWords(copied)}, changed`);
  const mounted = changedFilesReadBy(step.cache.mountedSources, change);
  if (mounted.length > 0) reasons.push(`bind mount reads ${filesInWords(mounted)}, changed`);
  const fileReasons = reasons.length - edits.length;
  const args = keyword === 'RUN' ? step.cache.argsInScope : step.cache.argsUsed;
  for (const arg of change.args ?? []) if (args.includes(arg)) reasons.push(`build arg ${arg} changed`);
  if (step.cache.fromStage !== null && rebuiltStages.has(step.cache.fromStage)) {
    // Both builders key a copy from a stage on the copied files' contents: identical output is a cache hit.
    reasons.push(`copies from stage ${stageName(step.cache.fromStage)}, which rebuilds (a cache hit if the copied files come out the same)`);
  }
  for (const read of step.cache.mountedStages) if (rebuiltStages.has(read)) reasons.push(`mounts stage ${stageName(read)}, which rebuilds`);
  return { reasons, changedFiles: [...copied, ...mounted], byFilesOnly: edits.length === 0 && fileReasons > 0 && reasons.length === fileReasons };
}

/** Stages each builder builds for the target: BuildKit only what the target needs; classic every stage up to it. */
function builtBy(model: LayerModel, builder: Builder, stage: StageModel): boolean {
  return builder === 'buildkit' ? stage.isBuilt : stage.stage.index <= model.targetStage;
}

export function predictRebuild(model: LayerModel, change: ChangeSet, builder: Builder): RebuildPrediction {
  const stageName = (index: number) => model.parsed.stages[index]?.name ?? String(index);
  const rebuiltStages = new Set<number>();
  const stages: StagePrediction[] = [];
  for (const stage of model.stages) {
    const built = builtBy(model, builder, stage);
    const base = stage.stage.baseStageIndex;
    const edits = change.instructions ?? [];
    const fromChange = edits.find((edit) => edit.stageIndex === stage.stage.index && edit.position < 0);
    const missedByEdits = stepsMissedByEdits(stage, edits, builder);
    // A stage starts dirty when its FROM changed or the stage it is built on rebuilds.
    const stageReason = !built
      ? null
      : fromChange
        ? fromChange.reason
        : base !== null && rebuiltStages.has(base)
          ? `stage ${stageName(base)}, its base, rebuilds`
          : null;
    let dirty = stageReason !== null;
    const steps: StepPrediction[] = [];
    let firstRebuilt: StepPrediction | null = null;
    for (const [position, step] of stage.steps.entries()) {
      if (!built) {
        steps.push({ step, fate: 'not-built', reasons: [], changedFiles: [], byFilesOnly: false });
        continue;
      }
      const own = ownReasons(step, missedByEdits.get(position) ?? [], change, rebuiltStages, stageName);
      const isOperation = builder === 'classic' || BUILDKIT_OPERATIONS.has(step.instruction.keyword);
      let fate: StepFate;
      if (!isOperation) fate = 'config';
      else if (own.reasons.length > 0) fate = 'rebuilt';
      else if (!dirty) fate = 'kept';
      else fate = builder === 'buildkit' && step.instruction.copy?.link ? 'relinked' : 'rebuilt';
      if (fate === 'rebuilt') dirty = true;
      const reasons: string[] = fate === 'rebuilt' && firstRebuilt === null && own.reasons.length === 0 && stageReason ? [stageReason] : own.reasons;
      const prediction: StepPrediction = { step, fate, reasons, changedFiles: own.changedFiles, byFilesOnly: own.byFilesOnly && reasons === own.reasons };
      if (fate === 'rebuilt' && firstRebuilt === null) firstRebuilt = prediction;
      steps.push(prediction);
    }
    if (dirty) rebuiltStages.add(stage.stage.index);
    stages.push({ stage, built, steps, firstRebuilt });
  }
  return { builder, change, stages };
}
