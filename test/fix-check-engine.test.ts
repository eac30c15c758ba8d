/**
 * `measure --fix-check` on the realistic Debian base (layerlint-debian:bookworm, apt inside the build
 * with --network host): the Dockerfile as written and as `lint --fix --unsafe-fixes` leaves it, both
 * really built. Three fixes in one file: a static apt RUN moved above the broad COPY (cache), the
 * cleanup RUN merged into the RUN that made the lists (size), and a chmod turned into COPY --chmod
 * (size). The savings are checked against what the engine built, not against the model.
 */
import { afterAll, beforeAll, expect, test, describe } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { DEBIAN_BASE, describeWithDebianBase, lockEngine, RUN_ENGINE_TESTS } from './engine-available.js';
import { buildkitVerdict, closeDocker, realDockerfiles } from './buildkit-verdict.js';
import { lintText } from '../src/lint.js';
import { fixText } from '../src/fix/fix-engine.js';
import { defaultConfig } from '../src/core/config.js';

const root = new URL('..', import.meta.url).pathname;
const BASE = DEBIAN_BASE;
const describeDebian = describeWithDebianBase('fix-check');

const DOCKERFILE = `FROM ${BASE}
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install -y --no-install-recommends file
RUN rm -rf /var/lib/apt/lists/*
COPY tool.bin /usr/local/bin/tool
RUN chmod 755 /usr/local/bin/tool
CMD ["/app/app.sh"]
`;

const FIXED = `FROM ${BASE}
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends file \\
    && rm -rf /var/lib/apt/lists/*
COPY . .
COPY --chmod=755 tool.bin /usr/local/bin/tool
CMD ["/app/app.sh"]
`;

const TOOL_BYTES = 2_000_000;

describeDebian('measure --fix-check on a Debian base (real engine, BuildKit)', () => {
  let unlockEngine = () => {};
  let dir = '';

  beforeAll(async () => {
    unlockEngine = await lockEngine();
    dir = mkdtempSync(join(tmpdir(), 'layerlint-fix-check-'));
    writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
    writeFileSync(join(dir, 'app.sh'), '#!/bin/sh\necho hello\n');
    writeFileSync(join(dir, 'tool.bin'), Buffer.alloc(TOOL_BYTES, 7));
  }, 600_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    unlockEngine();
  });

  test('three fixes: the image shrinks by the apt lists and the second copy of the tool, a source edit re-runs fewer steps, CMD unchanged', () => {
    const before = spawnSync('docker', ['images', '-q', '--no-trunc'], { encoding: 'utf8' }).stdout;
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'bin/layerlint'),
        'measure',
        '--context',
        dir,
        '--network',
        'host',
        '--builder',
        'buildkit',
        '--format',
        'json',
        '-q',
        '--fix-check',
        '--unsafe-fixes',
      ],
      { encoding: 'utf8', timeout: 900_000 },
    );
    const report = JSON.parse(result.stdout);
    const check = report.fixCheck;
    expect(check.failures).toEqual([]);
    expect(check.applied.map((fix: { ruleId: string }) => fix.ruleId).sort()).toEqual([
      'cleanup-in-separate-layer',
      'permission-change-separate-layer',
      'static-step-after-broad-copy',
    ]);
    // What was hidden before (the lists under the rm, the tool under the chmod) is gone; what stays hidden
    // is what any apt install rewrites of the base image (dpkg's status, debconf's templates: under 1.5 MB).
    expect(check.before.wastedBytes).toBeGreaterThan(TOOL_BYTES + 1_000_000);
    expect(check.after.wastedBytes).toBeLessThan(1_500_000);
    expect(check.savedBytes).toBeGreaterThan(TOOL_BYTES + 1_000_000);
    // The image shrank by what was hidden, give or take the few bytes an apt run's logs differ by.
    expect(Math.abs(check.savedBytes - (check.before.wastedBytes - check.after.wastedBytes))).toBeLessThan(20_000);
    expect(check.after.layers).toBe(check.before.layers - 2);
    // Before: COPY . ., both RUNs of apt, the tool's COPY and its chmod re-run; after: the two COPYs.
    expect(check.before.rebuiltOnSourceEdit).toBe(5);
    expect(check.after.rebuiltOnSourceEdit).toBe(2);
    expect(check.after.runtime).toEqual(check.before.runtime);
    expect(check.verdict).toMatch(/^3 fixes: saves .* and 3 rebuilt steps per source edit$/);
    expect(result.status).toBe(0);
    // The user's Dockerfile is untouched; the fixed text is what lint --fix --unsafe-fixes writes.
    const fixed = spawnSync(process.execPath, [join(root, 'bin/layerlint'), 'lint', '--fix', '--unsafe-fixes', '--no-cache', '--context', dir, '-'], {
      input: DOCKERFILE,
      encoding: 'utf8',
    });
    expect(fixed.stdout).toBe(FIXED);
    // Every image the run built is gone again.
    expect(spawnSync('docker', ['images', '-q', '--no-trunc'], { encoding: 'utf8' }).stdout).toBe(before);
  }, 900_000);
});

describe('every real Dockerfile of the audit sets, with every fix applied, still parses in BuildKit (real engine)', () => {
  let docker: Docker | undefined;
  beforeAll(() => {
    docker = new Docker();
  });
  afterAll(() => closeDocker(docker));

  (RUN_ENGINE_TESTS ? test : test.skip)(
    'BuildKit accepts each fixed file it accepted before',
    async () => {
      let fixedFiles = 0;
      for (const { name, text } of realDockerfiles()) {
        const lint = async (candidate: string) => (await lintText(candidate, 'Dockerfile', { config: { ...defaultConfig(), extends: 'strict' } })).findings;
        const outcome = await fixText(text, lint, { unsafe: true });
        if (outcome.text === text) continue;
        const before = await buildkitVerdict(docker!, text);
        if (!before.accepted) continue;
        fixedFiles++;
        const after = await buildkitVerdict(docker!, outcome.text);
        expect({ name, accepted: after.accepted, message: after.accepted ? '' : after.message }).toEqual({ name, accepted: true, message: '' });
      }
      expect(fixedFiles).toBeGreaterThan(20);
      process.stderr.write(`fix-check: ${fixedFiles} real files fixed (every fix, strict profile), each still accepted by BuildKit's parser\n`);
    },
    600_000,
  );
});
