#!/usr/bin/env node
/**
 * npm run bench — speed figures for this machine (prints, asserts nothing):
 *  1. cold start: wall time of `layerlint lint <one Dockerfile>` (the built CLI), median of RUNS runs;
 *  2. throughput: lint a generated corpus of CORPUS varied Dockerfiles in one process: files/s, peak RSS.
 * Targets (issue 6): single file ≤ 120 ms wall; batch ≥ 1,000 files/s.
 */
// The CLI's V8 flags, set as bin/layerlint sets them, so that the in-process throughput below runs
// as the CLI does (the grammar compiled by the baseline compiler only).
import '../bin/load-bundle.js';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { generateDockerfile } from './bench-corpus.mjs';

const root = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const CORPUS = Number(process.env.BENCH_CORPUS ?? 2000);

function coldStart(extraArgs = [], env = {}) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, [join(root, 'bin/layerlint'), 'lint', join(root, 'examples/node-app/Dockerfile'), ...extraArgs], { stdio: 'ignore', env: { ...process.env, ...env } });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1) };
}

async function throughput() {
  const { lintText } = await import(join(root, 'dist/src/lint.js'));
  const { loadShellParser, shellParserBackend } = await import(join(root, 'dist/src/parse/shell.js'));
  const { WASM_BATCH_SIZE } = await import(join(root, 'dist/src/parse/shell-grammar.js'));
  const corpus = Array.from({ length: CORPUS }, (_, i) => generateDockerfile(i));
  // The grammar `layerlint lint` would choose for this many files (src/cli/lint-command.ts).
  await loadShellParser(CORPUS >= WASM_BATCH_SIZE ? 'wasm' : 'native');
  await lintText(corpus[0], 'warmup');
  const shellParser = shellParserBackend().backend;
  const pass = async () => {
    let findings = 0;
    const started = process.hrtime.bigint();
    for (const [i, text] of corpus.entries()) findings += (await lintText(text, `corpus/${i}/Dockerfile`)).findings.length;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { filesPerSecond: CORPUS / seconds, seconds, findings };
  };
  // The first pass is what one `layerlint lint` over the corpus costs: V8 is still compiling and
  // optimising our code. The second pass over the same files is the warmed-up rate an editor's
  // long-running language server sees.
  const first = await pass();
  const warm = await pass();
  return { shellParser, first, warm, peakRssMb: process.resourceUsage().maxRSS / 1024, lines: corpus.reduce((n, t) => n + t.split('\n').length, 0) };
}

const baseline = (() => {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
})();
const cold = coldStart(['--shellcheck', 'off']);
console.log(`cold start, single-file lint of examples/node-app (median of ${RUNS}): ${cold.median.toFixed(0)} ms (min ${cold.min.toFixed(0)}, max ${cold.max.toFixed(0)}; bare \`node -e ''\` is ${baseline.toFixed(0)} ms here)  target ≤ 120 ms`);
// What a machine without the native tree-sitter binding gets (src/parse/shell-grammar.ts).
const coldWasm = coldStart(['--shellcheck', 'off'], { LAYERLINT_SHELL_PARSER: 'wasm' });
console.log(`  the same with tree-sitter's WebAssembly build instead of the native binding (LAYERLINT_SHELL_PARSER=wasm): ${coldWasm.median.toFixed(0)} ms`);
if (spawnSync('sh', ['-c', 'command -v shellcheck'], { stdio: 'ignore' }).status === 0) {
  const withShellcheck = coldStart();
  console.log(`  the same with ShellCheck on its RUN scripts (shellcheck on PATH): ${withShellcheck.median.toFixed(0)} ms`);
} else {
  console.log('  (shellcheck is not on PATH: the cold start with ShellCheck was not measured)');
}
const batch = await throughput();
console.log(`throughput (RUN scripts parsed by the ${batch.shellParser} tree-sitter): ${CORPUS} generated Dockerfiles (${batch.lines} lines), first pass in one process: ${batch.first.seconds.toFixed(2)} s = ${batch.first.filesPerSecond.toFixed(0)} files/s, ${batch.first.findings} findings, peak RSS ${batch.peakRssMb.toFixed(0)} MB  target ≥ 1,000 files/s`);
console.log(`  the same files again, warmed up: ${batch.warm.filesPerSecond.toFixed(0)} files/s`);
