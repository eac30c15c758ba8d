/**
 * Batches that a Node started with other options lints faster are linted in one (src/cli/relaunch.ts):
 * big batches on two cores with --v8-pool-size=1, the WebAssembly grammar on Node 23+ with --liftoff-only.
 */
import { describe, expect, jest, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIG_BATCH_HEAP_OPTIONS, RELAUNCH_BATCH_SIZE, relaunchOptions, serverRelaunchOptions } from '../src/cli/relaunch.js';
import { liftoffOnlyWorksAtRunTime, shellGrammarForBatch, WASM_BATCH_SIZE, WASM_FILES_WITHOUT_START_FLAG } from '../src/parse/shell-grammar.js';

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

describe('relaunchOptions', () => {
  const twoCores = { cores: 2, execArgv: [], nodeOptions: undefined, relaunched: false, v8Version: '11.3.244.8-node.38' };
  const wasm = () => 'wasm' as const;
  const native = () => 'native' as const;
  const options = (...args: Parameters<typeof relaunchOptions>) => relaunchOptions(...args).flatMap((item) => item.options);

  test('one worker thread and a heap that grows less for a big batch on two cores', () => {
    expect(options(RELAUNCH_BATCH_SIZE, twoCores, wasm)).toEqual(['--v8-pool-size=1', ...BIG_BATCH_HEAP_OPTIONS]);
    expect(options(5000, twoCores, native)).toEqual(['--v8-pool-size=1', ...BIG_BATCH_HEAP_OPTIONS]);
  });

  test('a big batch on one core or more than two: only the heap options', () => {
    expect(options(5000, { ...twoCores, cores: 1 }, wasm)).toEqual(BIG_BATCH_HEAP_OPTIONS);
    expect(options(5000, { ...twoCores, cores: 8 }, wasm)).toEqual(BIG_BATCH_HEAP_OPTIONS);
  });

  test('no relaunch for a smaller batch', () => {
    expect(options(RELAUNCH_BATCH_SIZE - 1, twoCores, wasm)).toEqual([]);
    expect(options(RELAUNCH_BATCH_SIZE - 1, { ...twoCores, cores: 8 }, native)).toEqual([]);
  });

  test('a pool size or a heap size already chosen is kept: by the relaunched process itself, or by the user', () => {
    expect(options(5000, { ...twoCores, execArgv: ['--v8-pool-size=1'] }, wasm)).toEqual(BIG_BATCH_HEAP_OPTIONS);
    expect(options(5000, { ...twoCores, relaunched: true }, wasm)).toEqual([]);
    expect(options(5000, { ...twoCores, nodeOptions: '--max-old-space-size=512 --v8-pool-size=4' }, wasm)).toEqual([]);
    expect(options(5000, { ...twoCores, nodeOptions: '--max-old-space-size=512' }, wasm)).toEqual(['--v8-pool-size=1']);
    expect(options(5000, { ...twoCores, cores: 8, execArgv: ['--max-semi-space-size=64'] }, wasm)).toEqual([]);
  });

  describe('--liftoff-only, where V8 reads it only at start (Node 23 and later)', () => {
    const node24 = { ...twoCores, cores: 8, v8Version: '13.6.233.17-node.53' };

    test('for the WebAssembly grammar from WASM_FILES_WITHOUT_START_FLAG files on', () => {
      expect(options(WASM_FILES_WITHOUT_START_FLAG, node24, wasm)).toEqual(['--liftoff-only']);
      expect(options(WASM_FILES_WITHOUT_START_FLAG - 1, node24, wasm)).toEqual([]);
      expect(options(5000, { ...node24, cores: 2 }, wasm)).toEqual(['--v8-pool-size=1', '--liftoff-only', ...BIG_BATCH_HEAP_OPTIONS]);
    });

    test('not for the native grammar, nor where layerlint sets it at run time, nor when the user gave it', () => {
      expect(options(300, node24, native)).toEqual([]);
      expect(options(300, { ...node24, v8Version: '12.4.254.21-node.57' }, wasm)).toEqual([]);
      expect(options(300, { ...node24, execArgv: ['--liftoff-only'] }, wasm)).toEqual([]);
      expect(options(300, { ...node24, relaunched: true }, wasm)).toEqual([]);
    });

    test('the grammar is only asked for when the answer matters (asking may load the native binding)', () => {
      const asked = jest.fn(native);
      relaunchOptions(300, { ...node24, v8Version: '12.4.254.21-node.57' }, asked);
      relaunchOptions(WASM_FILES_WITHOUT_START_FLAG - 1, node24, asked);
      expect(asked).not.toHaveBeenCalled();
      relaunchOptions(300, node24, asked);
      expect(asked).toHaveBeenCalledTimes(1);
    });
  });
});

describe('serverRelaunchOptions (layerlint lsp)', () => {
  const node24 = { cores: 2, execArgv: [], nodeOptions: undefined, relaunched: false, v8Version: '13.6.233.17-node.53' };
  const options = (...args: Parameters<typeof serverRelaunchOptions>) => serverRelaunchOptions(...args).flatMap((item) => item.options);

  test('--liftoff-only for the WebAssembly grammar on Node 23+, and nothing else (no pool size on two cores)', () => {
    expect(options(node24, () => 'wasm')).toEqual(['--liftoff-only']);
  });

  test('none for the native grammar, where it is set at run time, when given already, in the relaunched server', () => {
    expect(options(node24, () => 'native')).toEqual([]);
    expect(options({ ...node24, v8Version: '11.3.244.8-node.38' }, () => 'wasm')).toEqual([]);
    expect(options({ ...node24, nodeOptions: '--liftoff-only' }, () => 'wasm')).toEqual([]);
    expect(options({ ...node24, relaunched: true }, () => 'wasm')).toEqual([]);
  });
});

describe('liftoffOnlyWorksAtRunTime', () => {
  test.each([
    ['11.3.244.8-node.38', true], // Node 20
    ['12.4.254.21-node.57', true], // Node 22
    ['12.9.202.28-node.14', false], // Node 23
    ['13.6.233.17-node.53', false], // Node 24
    ['14.6.202.34-node.34', false], // Node 26
  ])('V8 %s: %s', (version, works) => {
    expect(liftoffOnlyWorksAtRunTime(version)).toBe(works);
  });
});

describe('shellGrammarForBatch', () => {
  test('LAYERLINT_SHELL_PARSER decides; else wasm from WASM_BATCH_SIZE files, else native where the binding loads', () => {
    expect(shellGrammarForBatch(1, 'wasm')).toBe('wasm');
    expect(shellGrammarForBatch(5000, 'native')).toBe('native');
    expect(shellGrammarForBatch(WASM_BATCH_SIZE, undefined)).toBe('wasm');
    // The binding is installed in this repository (an optional dependency with prebuilds for this machine).
    expect(shellGrammarForBatch(WASM_BATCH_SIZE - 1, undefined)).toBe('native');
  });
});

describe('relaunchWithNodeOptions', () => {
  // A script that relaunches itself once, as runLint does, and reports what the second process got.
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-relaunch-'));
  const script = join(dir, 'relaunch-me.mjs');
  writeFileSync(
    script,
    `
import { relaunchWithNodeOptions } from ${JSON.stringify(builtRelaunch)};
if (!process.execArgv.includes('--v8-pool-size=1')) {
  const code = await relaunchWithNodeOptions(['--v8-pool-size=1']);
  process.exit(code ?? 99);
}
let input = '';
for await (const chunk of process.stdin) input += chunk;
console.log(JSON.stringify({ pid: process.pid, execArgv: process.execArgv, argv: process.argv.slice(2), input, relaunched: process.env.LAYERLINT_RELAUNCHED }));
if (process.argv[2] === 'die') process.kill(process.pid, 'SIGTERM');
if (process.argv[2] === 'wait') setTimeout(() => process.exit(0), 60_000);
else process.exit(7);
`,
  );

  test('runs the same command line with the options, sharing stdin and stdout, and returns its exit code', () => {
    const result = spawnSync(process.execPath, ['--max-old-space-size=300', script, 'a b', '-'], { input: 'from stdin', encoding: 'utf8' });
    expect(result.status).toBe(7);
    expect(JSON.parse(result.stdout)).toMatchObject({
      execArgv: ['--max-old-space-size=300', '--v8-pool-size=1'],
      argv: ['a b', '-'],
      input: 'from stdin',
      relaunched: '1',
    });
  });

  test('a relaunched process killed by a signal ends this one by the same signal', () => {
    const result = spawnSync(process.execPath, [script, 'die'], { input: '', encoding: 'utf8' });
    expect(result.signal).toBe('SIGTERM');
  });

  test('a signal sent to this process alone is passed on: the relaunched one does not outlive it', async () => {
    const parent = spawn(process.execPath, [script, 'wait'], { stdio: ['pipe', 'pipe', 'inherit'] });
    parent.stdin.end();
    const [line] = (await once(parent.stdout, 'data')) as [Buffer];
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
      cwd: dir,
      input: 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n',
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: { ...env, NO_COLOR: '1' },
    });
  }

  test('gives the same report and exit code as one process does, and says so in --verbose', () => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const relaunched = lint(env);
    // A pool size and a heap size of the user's own: nothing left to relaunch for.
    const oneProcess = lint({ ...env, NODE_OPTIONS: '--v8-pool-size=4 --max-semi-space-size=16' });
    const poolSize = availableParallelism() === 2 ? '--v8-pool-size=1 ' : '';
    const note = new RegExp(
      `^layerlint: linting in a Node process started with ${poolSize}--max-semi-space-size=4 --heap-growing-percent=50: .*\\d+ files: a heap that grows less`,
      'm',
    );
    expect(relaunched.stderr).toMatch(note);
    expect(oneProcess.stderr).not.toMatch(/linting in a Node process started with/);
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
