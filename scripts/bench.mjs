#!/usr/bin/env node
/**
 * npm run bench — speed figures for this machine (prints, asserts nothing):
 *  1. cold start: wall time of `layerlint lint <one Dockerfile>` (the built CLI), median of RUNS runs;
 *  2. throughput: lint a generated corpus of CORPUS varied Dockerfiles in one process: files/s, peak RSS,
 *     in a Node started as `layerlint lint` runs a batch that big (src/cli/relaunch.ts), and with Node's
 *     usual worker pool where that differs; then the CLI itself over the corpus written to a folder.
 * Targets (issue 6): single file ≤ 120 ms wall; batch ≥ 1,000 files/s.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { generateDockerfile } from './bench-corpus.mjs';

const root = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const CORPUS = Number(process.env.BENCH_CORPUS ?? 2000);

const hasShellcheck = spawnSync('sh', ['-c', 'command -v shellcheck'], { stdio: 'ignore' }).status === 0;
const example = join(root, 'examples/node-app/Dockerfile');
/** What is timed, one run of each per round, so that all of them see the same minutes of a noisy machine. */
const VARIANTS = {
  bare: { args: ['-e', ''] },
  lint: { args: [join(root, 'bin/layerlint'), 'lint', example, '--shellcheck', 'off'] },
  // What a machine without the native tree-sitter binding gets (src/parse/shell-grammar.ts).
  wasm: { args: [join(root, 'bin/layerlint'), 'lint', example, '--shellcheck', 'off'], env: { LAYERLINT_SHELL_PARSER: 'wasm' } },
  ...(hasShellcheck ? { shellcheck: { args: [join(root, 'bin/layerlint'), 'lint', example] } } : {}),
};
// Node 20 reads NODE_EXTRA_CA_CERTS before V8 starts (nodejs/node#40524; src/cli/node-startup.ts; Node 22.23,
// 23, 24 and 26 do not, measured): where it is set, the same runs without it show what that costs here.
const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS;
if (extraCaCerts) {
  VARIANTS.bareWithoutCaCerts = { ...VARIANTS.bare, unset: ['NODE_EXTRA_CA_CERTS'] };
  VARIANTS.lintWithoutCaCerts = { ...VARIANTS.lint, unset: ['NODE_EXTRA_CA_CERTS'] };
}

function environment({ env = {}, unset = [] }) {
  const result = { ...process.env, ...env };
  for (const name of unset) delete result[name];
  return result;
}

/** Wall time of each variant, in ms, median of RUNS rounds. Output goes to a pipe, as in pre-commit or an editor. */
function coldStarts() {
  const times = Object.fromEntries(Object.keys(VARIANTS).map((name) => [name, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, variant] of Object.entries(VARIANTS)) {
      const env = environment(variant);
      const started = process.hrtime.bigint();
      spawnSync(process.execPath, variant.args, { stdio: ['ignore', 'pipe', 'pipe'], env });
      times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, list]) => {
      list.sort((x, y) => x - y);
      return [name, { median: list[Math.floor(list.length / 2)], min: list[0], max: list.at(-1) }];
    }),
  );
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
  const pass = async (files) => {
    let findings = 0;
    const started = process.hrtime.bigint();
    for (const [i, text] of files.entries()) findings += (await lintText(text, `corpus/${i}/Dockerfile`)).findings.length;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { filesPerSecond: files.length / seconds, seconds, findings };
  };
  // The first pass is what one `layerlint lint` over the corpus costs: V8 is still compiling and
  // optimising our code. Then CORPUS other generated files (not the same ones again, so that nothing
  // learnt from a file's text could help): the warmed-up rate of a long-running language server.
  const first = await pass(corpus);
  const warm = await pass(Array.from({ length: CORPUS }, (_, i) => generateDockerfile(CORPUS + i)));
  return { shellParser, first, warm, peakRssMb: process.resourceUsage().maxRSS / 1024, lines: corpus.reduce((n, t) => n + t.split('\n').length, 0) };
}

/** throughput() in a new Node process, started with these options. */
function throughputInChild(nodeArguments) {
  const child = spawnSync(process.execPath, [...nodeArguments, fileURLToPath(import.meta.url), '--throughput'], {
    encoding: 'utf8',
    env: environment({ unset: ['NODE_OPTIONS'] }),
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`the throughput run failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** Wall time of the built CLI over the corpus written to a temporary folder, median of 3 runs. */
function cliOverCorpusOnDisk() {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-bench-'));
  try {
    for (let i = 0; i < CORPUS; i++) {
      mkdirSync(join(dir, String(i)));
      writeFileSync(join(dir, String(i), 'Dockerfile'), generateDockerfile(i));
    }
    const times = [];
    for (let run = 0; run < 3; run++) {
      const started = process.hrtime.bigint();
      spawnSync(process.execPath, [join(root, 'bin/layerlint'), 'lint', dir, '--shellcheck', 'off'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 << 20,
      });
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
    return { seconds: times.sort((x, y) => x - y)[1] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--throughput') {
  console.log(JSON.stringify(await throughput()));
  process.exit(0);
}

const cold = coldStarts();
const ms = (value) => `${value.toFixed(0)} ms`;
console.log(`Node ${process.version} (V8 ${process.versions.v8})`);
console.log(
  `cold start, single-file lint of examples/node-app (median of ${RUNS}, runs interleaved): ${ms(cold.lint.median)} (min ${ms(cold.lint.min)}, max ${ms(cold.lint.max)}); bare \`node -e ''\` ${ms(cold.bare.median)} in the same rounds, so layerlint's own part is ${ms(cold.lint.median - cold.bare.median)}  target ≤ 120 ms`,
);
console.log(`  the same with tree-sitter's WebAssembly build instead of the native binding (LAYERLINT_SHELL_PARSER=wasm): ${ms(cold.wasm.median)}`);
if (cold.shellcheck) console.log(`  the same with ShellCheck on its RUN scripts (shellcheck on PATH): ${ms(cold.shellcheck.median)}`);
else console.log('  (shellcheck is not on PATH: the cold start with ShellCheck was not measured)');
if (extraCaCerts) {
  const certificates = (readFileSync(extraCaCerts, 'utf8').match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;
  const cost = cold.bare.median - cold.bareWithoutCaCerts.median;
  const what =
    cost >= 15
      ? `which this Node reads before V8 starts (nodejs/node#40524): ~${ms(cost)} of every start here`
      : `which this Node does not read as it starts (${ms(cost)} difference)`;
  console.log(
    `  this environment sets NODE_EXTRA_CA_CERTS (${extraCaCerts}, ${certificates} certificates), ${what}. Without it: ${ms(cold.lintWithoutCaCerts.median)} (bare \`node -e ''\` ${ms(cold.bareWithoutCaCerts.median)})`,
  );
}
// Throughput runs in a Node started as `layerlint lint` would run a batch this big (src/cli/relaunch.ts).
const { relaunchOptions, thisProcessFacts } = await import(join(root, 'dist/src/cli/relaunch.js'));
const { shellGrammarForBatch } = await import(join(root, 'dist/src/parse/shell-grammar.js'));
const facts = await thisProcessFacts();
const batchOptions = relaunchOptions(CORPUS, facts, () => shellGrammarForBatch(CORPUS)).map((item) => item.option);
const batch = throughputInChild(batchOptions);
const how =
  batchOptions.length === 0
    ? 'a Node started without options'
    : `a Node started with ${batchOptions.join(' ')}, as layerlint lint runs a batch this big on ${facts.cores} cores and V8 ${facts.v8Version}`;
console.log(
  `throughput (RUN scripts parsed by the ${batch.shellParser} tree-sitter; ${how}): ${CORPUS} generated Dockerfiles (${batch.lines} lines), first pass in one process: ${batch.first.seconds.toFixed(2)} s = ${batch.first.filesPerSecond.toFixed(0)} files/s, ${batch.first.findings} findings, peak RSS ${batch.peakRssMb.toFixed(0)} MB  target ≥ 1,000 files/s`,
);
console.log(`  then ${CORPUS} other generated Dockerfiles in the same process, warmed up: ${batch.warm.filesPerSecond.toFixed(0)} files/s`);
if (batchOptions.includes('--v8-pool-size=1')) {
  const usual = throughputInChild(batchOptions.filter((option) => option !== '--v8-pool-size=1'));
  console.log(
    `  the same in a Node with its usual 4 V8 worker threads: first pass ${usual.first.filesPerSecond.toFixed(0)} files/s, warmed up ${usual.warm.filesPerSecond.toFixed(0)} files/s`,
  );
}
const cli = cliOverCorpusOnDisk();
console.log(
  `\`layerlint lint\` of the ${CORPUS} files written to a folder (start, folder walk, reading, report to a pipe; median of 3): ${cli.seconds.toFixed(2)} s = ${(CORPUS / cli.seconds).toFixed(0)} files/s`,
);
