/**
 * `layerlint measure` against a real Docker engine: no mocks. See test/engine-available.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_ENGINE_TESTS, lockEngine } from './engine-available.js';
import { sarifValidator } from './sarif-schema.js';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/layerlint');
const fixture = (name: string) => join(root, 'test/fixtures/measure', name);

/** Every image id this suite's runs created (src/measure/build.ts writes them): afterAll checks exactly these are gone. */
const createdImagesLog = join(mkdtempSync(join(tmpdir(), 'layerlint-measure-test-')), 'created-images');
const testEnv = () => ({ ...process.env, NO_COLOR: '1', LAYERLINT_CREATED_IMAGES_LOG: createdImagesLog });

function layerlint(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...testEnv(), ...env }, timeout: 240_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function measureJson(name: string, extra: string[] = []) {
  const result = layerlint(['measure', '--context', fixture(name), '--network', 'none', '--format', 'json', '-q', ...extra]);
  if (result.code !== 0) throw new Error(`measure exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const describeEngine = RUN_ENGINE_TESTS ? describe : describe.skip;

describeEngine('layerlint measure (real engine)', () => {
  let unlockEngine = () => {};

  beforeAll(async () => {
    unlockEngine = await lockEngine();
  }, 600_000);

  test('a 5 MB file created then deleted in a later RUN: ~5 MB wasted, the finding is confirmed', () => {
    const report = measureJson('waste');
    expect(report.image.wastedBytes).toBeGreaterThan(5_242_880 * 0.97);
    expect(report.image.wastedBytes).toBeLessThan(5_242_880 * 1.03);
    expect(report.image.efficiency).toBeLessThan(0.5);
    const [dd, rm, cmd] = report.instructions;
    expect(dd).toMatchObject({ line: 2, createsLayer: true, filesAdded: 1 });
    expect(dd.size).toBe(5_242_880);
    expect(rm).toMatchObject({ line: 3, createsLayer: true, size: 0, filesDeleted: 1, bytesHidden: 5_242_880 });
    expect(cmd).toMatchObject({ line: 4, createsLayer: false });
    const finding = report.findings.find((f: { ruleId: string }) => f.ruleId === 'cleanup-in-separate-layer');
    expect(finding.properties).toMatchObject({ confirmed: true, measuredWastedBytes: 5_242_880 });
    expect(report.image.base.image).toBe('busybox:local');
    expect(report.image.base.sizeBytes).toBeGreaterThan(500_000);
  });

  test('cleanup in the same RUN: no waste, no cleanup finding', () => {
    const report = measureJson('same-run');
    expect(report.image.wastedBytes).toBe(0);
    expect(report.image.efficiency).toBe(1);
    expect(report.instructions[0].size).toBe(0);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('cleanup-in-separate-layer');
  });

  test('COPY then chmod in another RUN: the file is stored twice, measured on the finding', () => {
    const report = measureJson('chmod');
    expect(report.image.wastedBytes).toBe(100_000);
    expect(report.instructions[1]).toMatchObject({ line: 3, filesModified: 1, bytesHidden: 100_000 });
    const finding = report.findings.find((f: { ruleId: string }) => f.ruleId === 'permission-change-separate-layer');
    expect(finding.properties).toMatchObject({ confirmed: true, measuredWastedBytes: 100_000 });
  });

  test('multi-stage: the final image holds only its own stage; --target builds the other', () => {
    const final = measureJson('multistage');
    expect(final.instructions.map((i: { line: number }) => i.line)).toEqual([6, 7]);
    expect(final.instructions[0].size).toBe(65_536);
    const build = measureJson('multistage', ['--target', 'build']);
    expect(build.instructions.map((i: { line: number }) => i.line)).toEqual([2, 3]);
    expect(build.image.sizeBytes).toBeGreaterThan(final.image.sizeBytes - 1);
  });

  test.each([
    ['buildkit', /executor failed running \[\/bin\/sh -c echo about to fail && false\]: exit code: 1/],
    ['classic', /returned a non-zero code: 1/],
  ])("a failing RUN (%s): exit 1 with the step's last output, the failing line and the engine's message", (builder, message) => {
    const result = layerlint(['measure', '--context', fixture('failing'), '--network', 'none', '-q', '--builder', builder as string]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-2)).toBe('  | about to fail');
    expect(lines.at(-1)).toMatch(/^layerlint: build failed at .*failing\/Dockerfile:3 \(RUN echo about to fail && false\): /);
    expect(lines.at(-1)).toMatch(message as RegExp);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('cache check: a source edit after a broad COPY reruns the install; the reordered Dockerfile does not', () => {
    const bad = measureJson('cache-bad', ['--cache-check']);
    const badSource = bad.cacheCheck.runs.find((r: { change: string }) => r.change.startsWith('source edit'));
    expect(badSource.rebuilt).toContain(4);
    expect(badSource.matchesPrediction).toBe(true);
    const good = measureJson('cache-good', ['--cache-check']);
    expect(good.builder).toBe('buildkit');
    const goodSource = good.cacheCheck.runs.find((r: { change: string }) => r.change.startsWith('source edit'));
    expect(goodSource.rebuilt).not.toContain(5);
    // BuildKit builds no step for CMD; the classic builder re-runs it after the COPY.
    expect(goodSource.rebuilt).toEqual([6]);
    expect(goodSource.matchesPrediction).toBe(true);
    const classic = measureJson('cache-good', ['--cache-check', '--builder', 'classic']);
    const classicSource = classic.cacheCheck.runs.find((r: { change: string }) => r.change.startsWith('source edit'));
    expect([classicSource.rebuilt, classicSource.matchesPrediction]).toEqual([[6, 7], true]);
    const goodManifest = good.cacheCheck.runs.find((r: { change: string }) => r.change.startsWith('manifest edit'));
    expect(goodManifest.rebuilt).toContain(5);
    // The user's files are untouched by the scratch-copy edits.
    expect(readFileSync(fixture('cache-good/src/index.js'), 'utf8')).toBe('console.log("v1")\n');
  });

  test("BuildKit: a cache mount's contents are not in the image; the classic builder is refused in one line", () => {
    const report = measureJson('cache-mount', ['--builder', 'buildkit']);
    expect(report.builder).toBe('buildkit');
    expect(report.image.historyAligned).toBe(true);
    const [run] = report.instructions;
    // dd wrote 3 MiB under the cache mount and 8 KiB to /kept: only /kept is in the layer.
    expect(run).toMatchObject({ line: 3, createsLayer: true, size: 8192 });
    expect(run.largestFiles.map((f: { path: string }) => f.path)).toEqual(['kept']);
    const classic = layerlint(['measure', '--context', fixture('cache-mount'), '--network', 'none', '-q', '--builder', 'classic']);
    expect(classic.code).toBe(2);
    expect(classic.stderr).toBe('layerlint: this Dockerfile uses RUN --mount (line 3), which only BuildKit builds; use --builder buildkit (or auto)\n');
  });

  test('BuildKit: a second measure of an unchanged Dockerfile takes every step from the cache', () => {
    measureJson('chmod', ['--builder', 'buildkit']);
    const again = measureJson('chmod', ['--builder', 'buildkit']);
    const steps = again.buildSteps.filter((step: { text: string }) => !/^FROM /i.test(step.text));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((step: { cached: boolean }) => step.cached)).toBe(true);
    // And the same bytes as the classic builder's image.
    expect(measureJson('chmod', ['--builder', 'classic']).image.wastedBytes).toBe(again.image.wastedBytes);
  });

  test('a heredoc on an engine whose built-in frontend predates them: one line naming the feature and the engine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-heredoc-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox:local\nRUN <<EOF\necho hi\nEOF\n');
    const result = layerlint(['measure', '--context', dir, '--network', 'none', '-q']);
    const engine = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }).stdout.trim();
    if (Number(engine.split('.')[0]) >= 23) {
      expect(result.code).toBe(0);
    } else {
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `layerlint: this Dockerfile uses a heredoc (line 2), which the Dockerfile frontend built into Docker Engine ${engine} cannot read: it needs Engine 23 or newer, or a '# syntax=docker/dockerfile:1' line (the engine then pulls that frontend)\n`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test.each(['buildkit', 'classic'])('a file replaced by a symlink (%s): its bytes are hidden, as by a deletion', (builder) => {
    const report = measureJson('symlink', ['--builder', builder]);
    expect(report.image.wastedBytes).toBe(4_194_304);
    expect(report.instructions[1]).toMatchObject({ line: 4, size: 0, bytesHidden: 4_194_304 });
    expect(report.inefficiencies[0]).toMatchObject({ path: 'big', wastedBytes: 4_194_304 });
  });

  test('thresholds: exceeded limits exit 1 with a clear line each', () => {
    const result = layerlint([
      'measure',
      '--context',
      fixture('waste'),
      '--network',
      'none',
      '-q',
      '--max-wasted-bytes',
      '1MB',
      '--min-efficiency',
      '0.9',
      '--max-image-size',
      '1MiB',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/wasted bytes 5\.24 MB exceed --max-wasted-bytes 1\.00 MB/);
    expect(result.stderr).toMatch(/efficiency \d+\.\d % is below --min-efficiency 90\.0 %/);
    expect(result.stderr).toMatch(/image size .* exceeds --max-image-size 1\.05 MB/);
    expect(layerlint(['measure', '--context', fixture('same-run'), '--network', 'none', '-q', '--max-wasted-bytes', '1MB']).code).toBe(0);
  });

  test('text report with a bar chart, --html report, SARIF with measured bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-measure-'));
    const html = join(dir, 'report.html');
    const sarifFile = join(dir, 'report.sarif');
    const text = layerlint(['measure', '--context', fixture('waste'), '--network', 'none', '-q', '--html', html]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/RUN dd if=\/dev\/zero of=\/big bs=1M count=5\s+5\.24 MB\s+█{10,}/);
    expect(text.stdout).toMatch(/\[measured: 5\.24 MB wasted\]/);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('class="bar"');
    expect(page).not.toMatch(/<script|<link|src="http/);
    expect(layerlint(['measure', '--context', fixture('waste'), '--network', 'none', '-q', '--format', 'sarif', '-o', sarifFile]).code).toBe(0);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(sarifValidator()(sarif)).toBe(true);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'cleanup-in-separate-layer');
    expect(result.properties).toMatchObject({ measuredWastedBytes: 5_242_880, confirmed: true });
    rmSync(dir, { recursive: true, force: true });
  });

  test("--html with --cache-check: the figures, the base image's share and each re-run step beside the prediction", () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-html-'));
    const html = join(dir, 'report.html');
    expect(layerlint(['measure', '--context', fixture('cache-good'), '--network', 'none', '-q', '--cache-check', '--html', html]).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/base image<\/div><div class="value">[\d.]+ [kM]B<\/div><div class="note">[\d.]+ % of the image/);
    expect(page).toContain('<h2>Cache check</h2>');
    expect(page).toMatch(/source edit \(src\/index\.js\): 1 step\(s\) re-ran in [\d.]+ s, <span class="ok">as predicted<\/span>/);
    expect(page).toMatch(/<td class="n">6<\/td><td><code>COPY \. \.<\/code><\/td><td>re-ran<\/td><td>re-runs<\/td>/);
    expect(page).not.toMatch(/<script|<link|src="http/);
    rmSync(dir, { recursive: true, force: true });
  });

  test('--keep keeps the image and prints its id', () => {
    const result = layerlint(['measure', '--context', fixture('same-run'), '--network', 'none', '-q', '--keep']);
    expect(result.code).toBe(0);
    const id = result.stderr.match(/kept image (sha256:[0-9a-f]{64}) as (layerlint-measure:\S+)/);
    expect(id).not.toBeNull();
    expect(spawnSync('docker', ['image', 'inspect', id![2]]).status).toBe(0);
    spawnSync('docker', ['rmi', '-f', id![2]]);
  });

  test.each(['classic', 'buildkit'])('Ctrl-C during a build (%s): exit 130, the step container and intermediate images are removed', async (builder) => {
    // --no-cache: BuildKit keeps its cache after the images are gone, and a cached sleep would not sleep.
    const child = spawn(process.execPath, [bin, 'measure', '--context', fixture('slow'), '--network', 'none', '--builder', builder, '--no-cache'], {
      cwd: root,
      env: testEnv(),
    });
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Interrupt once the long RUN has started (its container is running on our intermediate image).
        if (/\[3\/[34]\] RUN sleep 30/.test(stderr) && !child.killed) setTimeout(() => child.kill('SIGINT'), 1500);
      });
      child.on('exit', (exitCode) => resolve(exitCode));
    });
    expect(code).toBe(130);
    expect(stderr).toMatch(/SIGINT: removing the images this run created/);
    expect(stderr).not.toMatch(/build failed/);
    expect(stderr).not.toMatch(/could not remove|already in progress/);
  });

  test('an unreachable engine: one line naming DOCKER_HOST, exit 2', () => {
    const result = layerlint(['measure', '--context', fixture('waste')], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/cannot reach a Docker engine at unix:\/\/\/nonexistent\/docker\.sock .*DOCKER_HOST/);
  });

  test('bad options are rejected before anything is built', () => {
    expect(layerlint(['measure', '--context', fixture('waste'), '--max-wasted-bytes', 'lots']).stderr).toMatch(/--max-wasted-bytes expects a size/);
    expect(layerlint(['measure', '--context', fixture('waste'), '--build-arg', 'NOEQUALS']).code).toBe(2);
    expect(layerlint(['measure', '--context', join(root, 'no-such-dir')]).code).toBe(2);
  });

  afterAll(() => {
    try {
      // Nothing this suite created may remain: each image id its runs made is gone, and no container runs
      // on one. Images others build on a shared engine meanwhile are not looked at.
      const created = [...new Set(readFileSync(createdImagesLog, 'utf8').split('\n').filter(Boolean))];
      expect(created.length).toBeGreaterThan(10);
      const left = created.filter((id) => spawnSync('docker', ['image', 'inspect', id]).status === 0);
      expect(left).toEqual([]);
      const containers = spawnSync('docker', ['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Image}}'], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean);
      expect(containers.filter((line) => created.some((id) => line.includes(id.replace(/^sha256:/, '').slice(0, 12))))).toEqual([]);
      expect(existsSync(fixture('cache-good/node_modules'))).toBe(false);
    } finally {
      unlockEngine();
    }
  });
});
