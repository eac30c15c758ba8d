/**
 * Big batches on two cores are linted in a Node started with --v8-pool-size=1 (src/cli/relaunch.ts).
 */
import { describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { RELAUNCH_BATCH_SIZE, relaunchPoolSize } from '../src/cli/relaunch.js';

const bin = new URL('../bin/layerlint', import.meta.url).pathname;
const builtRelaunch = new URL('../dist/src/cli/relaunch.js', import.meta.url).href;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('relaunchPoolSize', () => {
  const twoCores = { cores: 2, execArgv: [], nodeOptions: undefined, relaunched: false };

  test('one worker thread for a big batch on two cores', () => {
    expect(relaunchPoolSize(RELAUNCH_BATCH_SIZE, twoCores)).toBe(1);
    expect(relaunchPoolSize(5000, twoCores)).toBe(1);
  });

  test('no relaunch for a smaller batch, nor on one core or more than two', () => {
    expect(relaunchPoolSize(RELAUNCH_BATCH_SIZE - 1, twoCores)).toBeNull();
    expect(relaunchPoolSize(5000, { ...twoCores, cores: 1 })).toBeNull();
    expect(relaunchPoolSize(5000, { ...twoCores, cores: 8 })).toBeNull();
  });

  test('a pool size already chosen is kept: by the relaunched process itself, or by the user', () => {
    expect(relaunchPoolSize(5000, { ...twoCores, execArgv: ['--v8-pool-size=1'] })).toBeNull();
    expect(relaunchPoolSize(5000, { ...twoCores, relaunched: true })).toBeNull();
    expect(relaunchPoolSize(5000, { ...twoCores, nodeOptions: '--max-old-space-size=512 --v8-pool-size=4' })).toBeNull();
    expect(relaunchPoolSize(5000, { ...twoCores, nodeOptions: '--max-old-space-size=512' })).toBe(1);
  });
});

describe('relaunchWithPoolSize', () => {
  // A script that relaunches itself once, as runLint does, and reports what the second process got.
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-relaunch-'));
  const script = join(dir, 'relaunch-me.mjs');
  writeFileSync(script, `
import { relaunchWithPoolSize } from ${JSON.stringify(builtRelaunch)};
if (!process.execArgv.includes('--v8-pool-size=1')) {
  const code = await relaunchWithPoolSize(1);
  process.exit(code ?? 99);
}
let input = '';
for await (const chunk of process.stdin) input += chunk;
console.log(JSON.stringify({ pid: process.pid, execArgv: process.execArgv, argv: process.argv.slice(2), input, relaunched: process.env.LAYERLINT_RELAUNCHED }));
if (process.argv[2] === 'die') process.kill(process.pid, 'SIGTERM');
if (process.argv[2] === 'wait') setTimeout(() => process.exit(0), 60_000);
else process.exit(7);
`);

  test('runs the same command line with the pool size, sharing stdin and stdout, and returns its exit code', () => {
    const result = spawnSync(process.execPath, ['--max-old-space-size=300', script, 'a b', '-'], { input: 'from stdin', encoding: 'utf8' });
    expect(result.status).toBe(7);
    expect(JSON.parse(result.stdout)).toMatchObject({ execArgv: ['--max-old-space-size=300', '--v8-pool-size=1'], argv: ['a b', '-'], input: 'from stdin', relaunched: '1' });
  });

  test('a relaunched process killed by a signal ends this one by the same signal', () => {
    const result = spawnSync(process.execPath, [script, 'die'], { input: '', encoding: 'utf8' });
    expect(result.signal).toBe('SIGTERM');
  });

  test('a signal sent to this process alone is passed on: the relaunched one does not outlive it', async () => {
    const parent = spawn(process.execPath, [script, 'wait'], { stdio: ['pipe', 'pipe', 'inherit'] });
    parent.stdin.end();
    const [line] = await once(parent.stdout, 'data') as [Buffer];
    const childPid = (JSON.parse(line.toString()) as { pid: number }).pid;
    expect(isAlive(childPid)).toBe(true);
    parent.kill('SIGTERM');
    const [, signal] = await once(parent, 'exit');
    expect(signal).toBe('SIGTERM');
    expect(isAlive(childPid)).toBe(false);
  });
});

describe('layerlint lint of a big batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-batch-'));
  for (let i = 0; i < RELAUNCH_BATCH_SIZE; i++) {
    mkdirSync(join(dir, String(i)));
    writeFileSync(join(dir, String(i), 'Dockerfile'), i % 2 ? `FROM alpine:3.19\nRUN echo ${i}\n` : `FROM alpine:3.19\nCMD ["a"]\nCMD echo ${i}\n`);
  }
  function lint(env: NodeJS.ProcessEnv) {
    return spawnSync(process.execPath, [bin, 'lint', '--verbose', '--shellcheck', 'off', '--format', 'json', '-', dir], {
      cwd: dir, input: 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n', encoding: 'utf8', maxBuffer: 64 << 20, env: { ...env, NO_COLOR: '1' },
    });
  }

  test('gives the same report and exit code as one process does, and says so in --verbose', () => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const relaunched = lint(env);
    const oneProcess = lint({ ...env, NODE_OPTIONS: '--v8-pool-size=4' });
    const note = /^layerlint: \d+ files on a 2-core machine: linting them in a Node process with 1 V8 worker thread \(--v8-pool-size=1\)/m;
    if (availableParallelism() === 2) expect(relaunched.stderr).toMatch(note);
    else expect(relaunched.stderr).not.toMatch(note);
    expect(oneProcess.stderr).not.toMatch(note);
    expect(relaunched.status).toBe(1);
    expect(oneProcess.status).toBe(1);
    expect(relaunched.stdout).toBe(oneProcess.stdout);
    const report = JSON.parse(relaunched.stdout) as { files: { path: string; findings: unknown[] }[] };
    expect(report.files).toHaveLength(RELAUNCH_BATCH_SIZE + 1);
    // Standard input reached the relaunched process.
    expect(report.files[0]).toMatchObject({ path: 'Dockerfile' });
    expect(report.files[0].findings.length).toBeGreaterThan(0);
  }, 60_000);
});
