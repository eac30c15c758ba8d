/**
 * The rebuild prediction (`layers --changed/--since`) checked against a real engine: build a
 * project, change one thing, rebuild with the cache, and compare the steps the engine re-ran with
 * the prediction, step by step. The engine's builder here is the classic one (what `measure`
 * builds with); see test/engine-available.ts for the engine.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_ENGINE_TESTS } from './engine-available.js';
import { loadShellParser } from '../src/parse/shell.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { buildLayerModel } from '../src/model/build.js';
import { loadBuildContext } from '../src/model/context.js';
import { predictRebuild, type ChangeSet } from '../src/model/rebuild.js';
import { diffDockerfiles } from '../src/model/dockerfile-diff.js';
import { buildImage, cleanupImages, rememberExistingImages } from '../src/measure/build.js';
import { connectEngine } from '../src/measure/engine.js';

const root = new URL('..', import.meta.url).pathname;
const project = join(root, 'test/fixtures/measure/rebuild-project');
const describeEngine = RUN_ENGINE_TESTS ? describe : describe.skip;
const quiet = { step() {}, done() {} };

interface Comparison {
  /** Lines the engine re-ran. */
  engine: number[];
  /** Lines the prediction says re-run. */
  predicted: number[];
}

describeEngine('rebuild prediction against the engine (classic builder)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'layerlint-rebuild-'));
  const tags: string[] = [];
  let docker: Awaited<ReturnType<typeof connectEngine>>;
  const originalDockerfile = readFileSync(join(project, 'Dockerfile'), 'utf8');

  beforeAll(async () => {
    docker = await connectEngine();
    await rememberExistingImages(docker);
    await loadShellParser();
  });

  afterAll(async () => {
    if (docker) await cleanupImages(docker, tags);
    rmSync(scratch, { recursive: true, force: true });
  });

  async function build(dockerfileText: string, buildArgs: Record<string, string> = {}) {
    writeFileSync(join(scratch, 'Dockerfile'), dockerfileText);
    const tag = `layerlint-test-rebuild:${tags.length}`;
    tags.push(tag);
    return buildImage(docker, {
      context: loadBuildContext(scratch), dockerfilePath: join(scratch, 'Dockerfile'), parsed: parseDockerfile(dockerfileText, 'Dockerfile'),
      tag, target: null, buildArgs, network: 'none', noCache: false, progress: quiet,
    });
  }

  /** Build `before`, then `after` with the cache, and compare what re-ran with the prediction for `change`. */
  async function compare(after: string, change: (before: ReturnType<typeof parseDockerfile>, now: ReturnType<typeof parseDockerfile>) => ChangeSet, buildArgs: Record<string, string> = {}): Promise<Comparison> {
    await build(originalDockerfile);
    const result = await build(after, buildArgs);
    const now = parseDockerfile(after, 'Dockerfile');
    const model = buildLayerModel(now, { context: loadBuildContext(scratch) });
    const prediction = predictRebuild(model, change(parseDockerfile(originalDockerfile, 'Dockerfile'), now), 'classic');
    const engine = result.steps.filter((step) => !step.cached && step.instruction && step.instruction.keyword !== 'FROM').map((step) => step.instruction!.range.start.line + 1);
    const predicted = prediction.stages.flatMap((stage) => stage.steps).filter((step) => step.fate === 'rebuilt').map((step) => step.step.instruction.range.start.line + 1);
    return { engine, predicted };
  }

  const edited = (from: string, to: string) => {
    expect(originalDockerfile).toContain(from);
    return originalDockerfile.replace(from, to);
  };
  const dockerfileEdits = (before: ReturnType<typeof parseDockerfile>, now: ReturnType<typeof parseDockerfile>): ChangeSet => {
    const diff = diffDockerfiles(before, now);
    return { files: [], instructions: diff.instructions, args: diff.args };
  };

  test('measure --cache-check: a source, a manifest, an ignored file and a file only a builder stage reads', () => {
    const result = spawnSync(process.execPath, [join(root, 'bin/layerlint'), 'measure', '--context', project, '--network', 'none', '--cache-check', '--format', 'json', '-q'], { encoding: 'utf8', timeout: 240_000 });
    expect(result.stderr).toBe('');
    const runs = JSON.parse(result.stdout).cacheCheck.runs as { change: string; rebuilt: number[]; matchesPrediction: boolean }[];
    expect(runs.map((run) => [run.change, run.rebuilt, run.matchesPrediction])).toEqual([
      ['source edit (healthcheck.js)', [20, 21, 22, 23], true],
      ['manifest edit (package.json)', [16, 17, 18, 19, 20, 21, 22, 23], true],
      ['ignored file edit (test/sample.js)', [], true],
      ['builder-only edit (README.md)', [6, 7, 22, 23], true],
    ]);
  });

  test('Dockerfile edits: an edited RUN, an edited EXPOSE, a removed HEALTHCHECK', async () => {
    cpSync(project, scratch, { recursive: true });
    const run = await compare(edited('RUN wc -c package.json', 'RUN wc -l package.json'), dockerfileEdits);
    expect(run).toEqual({ engine: [18, 19, 20, 21, 22, 23], predicted: [18, 19, 20, 21, 22, 23] });
    const expose = await compare(edited('EXPOSE $PORT 9229 9230', 'EXPOSE $PORT 9229'), dockerfileEdits);
    expect(expose.engine).toEqual(expose.predicted);
    expect(expose.engine[0]).toBe(15);
    const removed = await compare(edited('HEALTHCHECK --interval=30s CMD node healthcheck.js\n', ''), dockerfileEdits);
    expect(removed).toEqual({ engine: [19, 20, 21, 22], predicted: [19, 20, 21, 22] });
  });

  test('a build argument with a new value: its first use misses the cache', async () => {
    cpSync(project, scratch, { recursive: true });
    const comparison = await compare(originalDockerfile, () => ({ files: [], args: ['PORT'] }), { PORT: '8080' });
    expect(comparison.engine).toEqual(comparison.predicted);
    expect(comparison.engine[0]).toBe(14);
  });

  test('a builder stage rebuilt with the same output: the engine keeps the COPY --from, which the prediction can only flag as conditional', async () => {
    cpSync(project, scratch, { recursive: true });
    const comparison = await compare(edited('WORKDIR /docs\n', 'WORKDIR /docs\nLABEL stage=docs\n'), dockerfileEdits);
    // The docs stage re-runs from the new LABEL; its lines.txt comes out the same, so the copy hits the cache.
    expect(comparison.engine).toEqual([6, 7, 8]);
    expect(comparison.predicted).toEqual([6, 7, 8, 23, 24]);
  });
});
