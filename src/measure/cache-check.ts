/**
 * `--cache-check`: build once, then edit one file of each kind in a scratch copy of the context (a
 * source file, a dependency manifest, a file .dockerignore excludes, a file only a stage outside the
 * image reads), rebuild with the cache after each, and compare the steps the engine really rebuilt
 * with the rebuild prediction (`layers --changed`, for the builder measure used). The user's files are
 * never touched.
 */
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type Docker from 'dockerode';
import type { LayerModel } from '../model/types.js';
import { loadBuildContext, type BuildContext } from '../model/context.js';
import { predictRebuild } from '../model/rebuild.js';
import { basename } from '../parse/shell-names.js';
import { ALL_MANIFEST_PATTERNS } from '../model/knowledge/dependencies.js';
import { globToRegExp } from '../util/paths.js';
import { buildImage, type BuilderKind, type ProgressSink } from './build.js';

export interface CacheCheckRun {
  change: string;
  file: string;
  seconds: number;
  rebuilt: number[];
  steps: { line: number; text: string; rebuilt: boolean; predicted: boolean }[];
  matchesPrediction: boolean;
}

export interface CacheCheck {
  runs: CacheCheckRun[];
  skipped: string[];
}

export interface CacheCheckInput {
  docker: Docker;
  model: LayerModel;
  context: BuildContext;
  dockerfilePath: string;
  target: string | null;
  buildArgs: Record<string, string>;
  network: string;
  progress: ProgressSink;
  tag: (suffix: string) => string;
  builder: BuilderKind;
  /** Only these kinds of change (`source edit`, `manifest edit`, …); all of them when absent. */
  kinds?: string[];
  /** Build the model's text, not the Dockerfile on disk. */
  fromText?: boolean;
}

const isManifest = (file: string) => ALL_MANIFEST_PATTERNS.some((pattern) => globToRegExp(pattern).test(basename(file)));
const CODE = /\.(js|mjs|ts|tsx|py|go|rs|java|kt|rb|php|c|cc|cpp|h|cs|ex|exs|sh|txt|html|css)$/;

interface PickedChange {
  change: string;
  file: string;
  /** Excluded by .dockerignore: the build never sees it. */
  ignored: boolean;
}

/** Context files a built stage reads (COPY/ADD sources, bind mounts). */
function filesRead(model: LayerModel, stageFilter: (index: number) => boolean): string[] {
  const read = model.steps
    .filter((step) => model.stages[step.stageIndex].isBuilt && stageFilter(step.stageIndex))
    .flatMap((step) => [...step.cache.contextSources, ...step.cache.mountedSources].flatMap((s) => s.matchedFiles ?? []));
  return [...new Set(read)];
}

/** A file of the context folder that .dockerignore excludes (the first found, top level first). */
function ignoredFile(context: BuildContext): string | null {
  const visit = (relativeDir: string, depth: number): string | null => {
    let names: string[];
    try {
      names = readdirSync(join(context.dir, relativeDir)).sort();
    } catch {
      return null;
    }
    for (const name of names) {
      const path = relativeDir ? `${relativeDir}/${name}` : name;
      const stat = lstatSync(join(context.dir, path));
      if (stat.isFile() && context.isIgnored(path) && stat.size < 1_000_000) return path;
    }
    if (depth === 0) return null;
    for (const name of names) {
      const path = relativeDir ? `${relativeDir}/${name}` : name;
      if (lstatSync(join(context.dir, path)).isDirectory() && name !== '.git') {
        const found = visit(path, depth - 1);
        if (found) return found;
      }
    }
    return null;
  };
  return context.dockerignore ? visit('', 2) : null;
}

/** One file of each kind the Dockerfile gives: a copied source, a copied manifest, an ignored file, a file only a builder stage reads. */
function pickChanges(model: LayerModel, context: BuildContext): { changes: PickedChange[]; skipped: string[] } {
  const copied = filesRead(model, () => true);
  const inImage = new Set(filesRead(model, (index) => model.stages[index].inFinalImage));
  const source = copied.find((file) => !isManifest(file) && CODE.test(file)) ?? copied.find((file) => !isManifest(file)) ?? null;
  const manifest = copied.find(isManifest) ?? null;
  const ignored = ignoredFile(context);
  const builderOnly = copied.find((file) => !inImage.has(file)) ?? null;
  const changes: PickedChange[] = [];
  const skipped: string[] = [];
  const pick = (change: string, file: string | null, ignoredKind: boolean, missing: string) => {
    if (file) changes.push({ change, file, ignored: ignoredKind });
    else skipped.push(missing);
  };
  pick('source edit', source, false, 'no source file is copied from the context');
  pick('manifest edit', manifest, false, 'no dependency manifest is copied from the context');
  pick('ignored file edit', ignored, true, 'no file of the context folder is excluded by .dockerignore');
  pick('builder-only edit', builderOnly, false, 'no context file is read only by a stage outside the image');
  return { changes, skipped };
}

/**
 * A new line of blanks only, different on every call: it changes a file's content (and so the cache
 * key) and keeps JSON, code and lock files valid. Different every time because BuildKit keeps its
 * cache after the images are gone: an edit made in an earlier run would be a cache hit.
 */
function uniqueBlankLine(): Buffer {
  const bits = randomBytes(4).readUInt32BE(0).toString(2).padStart(32, '0');
  return Buffer.from(`\n${bits.replace(/0/g, ' ').replace(/1/g, '\t')}\n`);
}

function scratchCopy(context: BuildContext, dockerfilePath: string, extraFiles: string[]): { dir: string; dockerfile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-cache-check-'));
  for (const file of [...context.files, ...extraFiles, ...(context.dockerignore ? [relative(context.dir, context.dockerignore.path)] : [])]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(context.dir, file), join(dir, file));
  }
  const inside = relative(resolve(context.dir), resolve(dockerfilePath));
  const dockerfile = inside.startsWith('..') ? dockerfilePath : join(dir, inside);
  if (!inside.startsWith('..')) {
    mkdirSync(dirname(dockerfile), { recursive: true });
    copyFileSync(dockerfilePath, dockerfile);
  }
  return { dir, dockerfile };
}

export async function runCacheCheck(input: CacheCheckInput): Promise<CacheCheck> {
  const picked = pickChanges(input.model, input.context);
  const changes = input.kinds ? picked.changes.filter((change) => input.kinds!.includes(change.change)) : picked.changes;
  const skipped = picked.skipped;
  const check: CacheCheck = { runs: [], skipped };
  if (changes.length === 0) return check;
  const scratch = scratchCopy(
    input.context,
    input.dockerfilePath,
    changes.filter((c) => c.ignored).map((c) => c.file),
  );
  try {
    const build = async (suffix: string) =>
      buildImage(input.docker, {
        context: loadBuildContext(scratch.dir),
        dockerfilePath: scratch.dockerfile,
        parsed: input.model.parsed,
        tag: input.tag(suffix),
        target: input.target,
        buildArgs: input.buildArgs,
        network: input.network,
        noCache: false,
        progress: input.progress,
        builder: input.builder,
        fromText: input.fromText,
      });
    await build('warm');
    for (const [index, { change, file, ignored }] of changes.entries()) {
      const path = join(scratch.dir, file);
      const original = readFileSync(path);
      writeFileSync(path, Buffer.concat([original, uniqueBlankLine()]));
      const result = await build(`edit${index}`);
      writeFileSync(path, original);
      // An excluded file is no change to the build.
      const prediction = predictRebuild(input.model, { files: ignored ? [] : [file] }, input.builder);
      const predicted = new Set(
        prediction.stages
          .flatMap((stage) => stage.steps)
          .filter((step) => step.fate === 'rebuilt')
          .map((step) => step.step.instruction),
      );
      const steps = result.steps
        .filter((step) => step.instruction && step.instruction.keyword !== 'FROM' && step.instruction.stageIndex >= 0)
        .map((step) => ({
          line: step.instruction!.range.start.line + 1,
          text: step.text.replace(/\s+/g, ' ').slice(0, 80),
          rebuilt: !step.cached,
          predicted: predicted.has(step.instruction!),
        }));
      check.runs.push({
        change: `${change} (${file})`,
        file,
        seconds: result.seconds,
        rebuilt: steps.filter((s) => s.rebuilt).map((s) => s.line),
        steps,
        matchesPrediction: steps.every((s) => s.rebuilt === s.predicted),
      });
    }
  } finally {
    rmSync(scratch.dir, { recursive: true, force: true });
  }
  return check;
}
