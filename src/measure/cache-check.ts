/**
 * `--cache-check`: build once, then edit one file of each volatility class (a source file, a
 * manifest) in a scratch copy of the context, rebuild with the cache, and compare the steps the
 * engine really rebuilt with what the layer model predicted. The user's files are never touched.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type Docker from 'dockerode';
import type { LayerModel } from '../model/types.js';
import { loadBuildContext, type BuildContext } from '../model/context.js';
import { stepsRebuiltByFileChange } from '../model/rebuild.js';
import { basename } from '../parse/shell.js';
import { ALL_MANIFEST_PATTERNS } from '../model/knowledge/dependencies.js';
import { globToRegExp } from '../util/paths.js';
import { buildImage, type ProgressSink } from './build.js';

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
}

const isManifest = (file: string) => ALL_MANIFEST_PATTERNS.some((pattern) => globToRegExp(pattern).test(basename(file)));
const CODE = /\.(js|mjs|ts|tsx|py|go|rs|java|kt|rb|php|c|cc|cpp|h|cs|ex|exs|sh|txt|html|css)$/;

/** A copied source file and a copied manifest, if the Dockerfile copies any. */
function pickFiles(model: LayerModel): { source: string | null; manifest: string | null } {
  const copied = model.steps.filter((step) => model.stages[step.stageIndex].isBuilt).flatMap((step) => [...step.cache.contextSources, ...step.cache.mountedSources].flatMap((s) => s.matchedFiles ?? []));
  const unique = [...new Set(copied)];
  return {
    source: unique.find((file) => !isManifest(file) && CODE.test(file)) ?? unique.find((file) => !isManifest(file)) ?? null,
    manifest: unique.find(isManifest) ?? null,
  };
}

function scratchCopy(context: BuildContext, dockerfilePath: string): { dir: string; dockerfile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-cache-check-'));
  for (const file of [...context.files, ...(context.dockerignore ? [relative(context.dir, context.dockerignore.path)] : [])]) {
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
  const picked = pickFiles(input.model);
  const check: CacheCheck = { runs: [], skipped: [] };
  if (!picked.source) check.skipped.push('no source file is copied from the context');
  if (!picked.manifest) check.skipped.push('no dependency manifest is copied from the context');
  const changes = [
    ...(picked.source ? [{ change: 'source edit', file: picked.source }] : []),
    ...(picked.manifest ? [{ change: 'manifest edit', file: picked.manifest }] : []),
  ];
  if (changes.length === 0) return check;
  const scratch = scratchCopy(input.context, input.dockerfilePath);
  try {
    const build = async (suffix: string) => buildImage(input.docker, {
      context: loadBuildContext(scratch.dir), dockerfilePath: scratch.dockerfile, parsed: input.model.parsed,
      tag: input.tag(suffix), target: input.target, buildArgs: input.buildArgs, network: input.network, noCache: false, progress: input.progress,
    });
    await build('warm');
    for (const [index, { change, file }] of changes.entries()) {
      const path = join(scratch.dir, file);
      const original = readFileSync(path);
      // A trailing newline changes the content (and so the cache key) and keeps JSON, code and lock files valid.
      writeFileSync(path, Buffer.concat([original, Buffer.from('\n')]));
      const result = await build(`edit${index}`);
      writeFileSync(path, original);
      const predicted = stepsRebuiltByFileChange(input.model, file);
      const steps = result.steps
        .filter((step) => step.instruction && step.instruction.keyword !== 'FROM' && step.instruction.stageIndex >= 0)
        .map((step) => {
          const modelStep = input.model.steps.find((s) => s.instruction === step.instruction);
          return { line: step.instruction!.range.start.line + 1, text: step.text.replace(/\s+/g, ' ').slice(0, 80), rebuilt: !step.cached, predicted: modelStep ? predicted.has(modelStep.id) : false };
        });
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
