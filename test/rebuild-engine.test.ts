/**
 * The rebuild prediction (`layers --changed/--since`) checked against a real engine: build a
 * project, change one thing, rebuild with the cache, and compare the steps the engine re-ran with
 * the prediction, step by step, with both builders. Every edit carries a token new to this run:
 * BuildKit keeps its cache after the images are gone, so an edit made by an earlier run would be a
 * cache hit. See test/engine-available.ts for the engine.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_ENGINE_TESTS, lockEngine } from './engine-available.js';
import { loadShellParser } from '../src/parse/shell.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { buildLayerModel } from '../src/model/build.js';
import { loadBuildContext } from '../src/model/context.js';
import { predictRebuild, type Builder, type ChangeSet } from '../src/model/rebuild.js';
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

/** The lines each builder re-runs for each change, where they differ (BuildKit has no steps for ENV, EXPOSE, HEALTHCHECK, CMD). */
const EXPECTED = {
  classic: {
    cacheCheck: [[20, 21, 22, 23], [16, 17, 18, 19, 20, 21, 22, 23], [], [6, 7, 22, 23]],
    editedRun: [18, 19, 20, 21, 22, 23],
    editedExpose: [15, 16, 17, 18, 19, 20, 21, 22, 23],
    removedHealthcheck: [19, 20, 21, 22],
    buildArg: [14, 15, 16, 17, 18, 19, 20, 21, 22, 23],
  },
  buildkit: {
    cacheCheck: [[20, 21, 22], [16, 17, 18, 20, 21, 22], [], [6, 7, 22]],
    editedRun: [18, 20, 21, 22],
    editedExpose: [],
    removedHealthcheck: [],
    buildArg: [18, 20, 21, 22],
  },
} as const;

describeEngine.each(['classic', 'buildkit'] as const)('rebuild prediction against the engine (%s)', (builder: Builder) => {
  const scratch = mkdtempSync(join(tmpdir(), 'layerlint-rebuild-'));
  const tags: string[] = [];
  const token = randomBytes(4).toString('hex');
  let docker: Awaited<ReturnType<typeof connectEngine>>;
  const originalDockerfile = readFileSync(join(project, 'Dockerfile'), 'utf8');
  const expected = EXPECTED[builder];

  let unlockEngine = () => {};

  beforeAll(async () => {
    unlockEngine = await lockEngine();
    docker = await connectEngine();
    await rememberExistingImages(docker);
    await loadShellParser();
    cpSync(project, scratch, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    try {
      if (docker) await cleanupImages(docker, tags);
      rmSync(scratch, { recursive: true, force: true });
    } finally {
      unlockEngine();
    }
  });

  async function build(dockerfileText: string, buildArgs: Record<string, string> = {}) {
    writeFileSync(join(scratch, 'Dockerfile'), dockerfileText);
    const tag = `layerlint-test-rebuild:${builder}-${token}-${tags.length}`;
    tags.push(tag);
    return buildImage(docker, {
      context: loadBuildContext(scratch),
      dockerfilePath: join(scratch, 'Dockerfile'),
      parsed: parseDockerfile(dockerfileText, 'Dockerfile'),
      tag,
      target: null,
      buildArgs,
      network: 'none',
      noCache: false,
      progress: quiet,
      builder,
    });
  }

  /** Build the original, then `after` with the cache, and compare what re-ran with the prediction for `change`. */
  async function compare(
    after: string,
    change: (before: ReturnType<typeof parseDockerfile>, now: ReturnType<typeof parseDockerfile>) => ChangeSet,
    buildArgs: Record<string, string> = {},
  ): Promise<Comparison> {
    await build(originalDockerfile);
    const result = await build(after, buildArgs);
    const now = parseDockerfile(after, 'Dockerfile');
    const model = buildLayerModel(now, { context: loadBuildContext(scratch) });
    const prediction = predictRebuild(model, change(parseDockerfile(originalDockerfile, 'Dockerfile'), now), builder);
    const engine = result.steps
      .filter((step) => !step.cached && step.instruction && step.instruction.keyword !== 'FROM')
      .map((step) => step.instruction!.range.start.line + 1);
    const predicted = prediction.stages
      .flatMap((stage) => stage.steps)
      .filter((step) => step.fate === 'rebuilt')
      .map((step) => step.step.instruction.range.start.line + 1);
    return { engine: engine.sort((a, b) => a - b), predicted };
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
    const result = spawnSync(
      process.execPath,
      [join(root, 'bin/layerlint'), 'measure', '--context', project, '--network', 'none', '--cache-check', '--format', 'json', '-q', '--builder', builder],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(result.stderr).toBe('');
    const runs = JSON.parse(result.stdout).cacheCheck.runs as { change: string; rebuilt: number[]; matchesPrediction: boolean }[];
    expect(runs.map((run) => [run.change, run.rebuilt, run.matchesPrediction])).toEqual([
      ['source edit (healthcheck.js)', expected.cacheCheck[0], true],
      ['manifest edit (package.json)', expected.cacheCheck[1], true],
      ['ignored file edit (test/sample.js)', expected.cacheCheck[2], true],
      ['builder-only edit (README.md)', expected.cacheCheck[3], true],
    ]);
  });

  test('Dockerfile edits: an edited RUN, an edited EXPOSE, a removed HEALTHCHECK', async () => {
    const run = await compare(edited('RUN wc -c package.json package-lock.json', `RUN wc -l package.json package-lock.json # ${token}`), dockerfileEdits);
    expect(run).toEqual({ engine: expected.editedRun, predicted: expected.editedRun });
    const expose = await compare(edited('EXPOSE $PORT 9229 9230', `EXPOSE $PORT 9229 9230 ${1024 + (parseInt(token, 16) % 60000)}`), dockerfileEdits);
    expect(expose).toEqual({ engine: expected.editedExpose, predicted: expected.editedExpose });
    const removed = await compare(edited('HEALTHCHECK --interval=30s CMD node healthcheck.js\n', ''), dockerfileEdits);
    expect(removed).toEqual({ engine: expected.removedHealthcheck, predicted: expected.removedHealthcheck });
  });

  test('a build argument with a new value: its first use misses the cache', async () => {
    const comparison = await compare(originalDockerfile, () => ({ files: [], args: ['PORT'] }), { PORT: String(1024 + (parseInt(token, 16) % 60000)) });
    expect(comparison).toEqual({ engine: expected.buildArg, predicted: expected.buildArg });
  });

  test('a builder stage rebuilt with the same output: the engine keeps the COPY --from, which the prediction can only flag as conditional', async () => {
    // An ENV before the docs stage's RUN re-runs it under both builders; its page.txt comes out the same, so the copy hits the cache.
    const comparison = await compare(edited('WORKDIR /docs\n', `WORKDIR /docs\nENV TOKEN=${token}\n`), dockerfileEdits);
    expect(comparison.engine).toEqual(builder === 'classic' ? [6, 7, 8] : [8]);
    expect(comparison.predicted).toEqual(builder === 'classic' ? [6, 7, 8, 23, 24] : [8, 23]);
  });
});
