#!/usr/bin/env node
/**
 * npm run bench, part 2 — real Dockerfiles, whole commands, as users run them (prints, asserts nothing).
 *
 * Corpus: the real Dockerfiles kept as test data (test/audit/files), plus every Dockerfile under the
 * folders in BENCH_REAL (colon-separated; `node scripts/real-corpus.mjs` gathers one from git
 * repositories, with a SOURCES.tsv). Every tool gets the same explicit list of files.
 *
 * Timed, variant after variant in each round so that all see the same minutes of a noisy machine:
 *  - one small file: bare `node -e ''`, layerlint with ShellCheck off and on (no cache), the same with
 *    a .layerlint.yaml beside it, layerlint from a warm cache, and hadolint / tally where present; each
 *    layerlint figure also as its median difference to bare Node in the same round;
 *  - the whole set: layerlint with ShellCheck on and off (no cache), a warm re-run (cache primed by
 *    the cold run), hadolint / tally where present; with each command's peak RSS (children included).
 * hadolint: HADOLINT=path or `hadolint` on PATH; tally: TALLY=path or `tally` on PATH (never installed
 * by the project: `npm pack @wharflab/tally-linux-x64` gives one). Targets (issue 23): the batch with
 * ShellCheck at ≤ 0.5× hadolint's wall, a warm re-run ≤ 5 s, one small file ≤ 30 ms above bare Node,
 * peak memory ≤ 200 MB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { isDockerfileName } from '../dist/src/cli/inputs.js';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/layerlint');
const ONE_FILE_RUNS = Number(process.env.BENCH_ONE_FILE_RUNS ?? 11);
const BATCH_ROUNDS = Number(process.env.BENCH_BATCH_ROUNDS ?? 1);

function dockerfilesBelow(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...dockerfilesBelow(path));
    else if (isDockerfileName(entry.name) || dir.endsWith('test/audit/files')) found.push(path);
  }
  return found.sort();
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return null;
}

const corpus = [join(root, 'test/audit/files'), ...(process.env.BENCH_REAL ?? '').split(':').filter(Boolean)].flatMap(dockerfilesBelow);
const hadolint = process.env.HADOLINT ?? onPath('hadolint');
const tally = process.env.TALLY ?? onPath('tally');
const hasShellcheck = onPath('shellcheck') !== null;
const hasPython = spawnSync('python3', ['-c', ''], { stdio: 'ignore' }).status === 0;
// The smallest real file with a RUN: what a pre-commit hook sees for one changed Dockerfile.
const oneFile = corpus.filter((file) => /^RUN /m.test(readFileSync(file, 'utf8'))).sort((a, b) => statSync(a).size - statSync(b).size)[
  Math.floor(corpus.length / 20)
];
const cacheDir = mkdtempSync(join(tmpdir(), 'layerlint-bench-cache-'));

// Wall time and the peak RSS of the command and everything it waited for (getrusage of the children).
const MEASURE = `import json,resource,subprocess,sys,time
t=time.monotonic(); p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
print(json.dumps({"wall":time.monotonic()-t,"rssKb":resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"code":p.returncode}))`;

function timeCommand(command) {
  if (hasPython) {
    const result = spawnSync('python3', ['-c', MEASURE, ...command], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(result.stdout);
  }
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { stdio: 'ignore' });
  return { wall: Number(process.hrtime.bigint() - started) / 1e9, rssKb: null, code: result.status };
}

const layerlint = (files, ...options) => [process.execPath, bin, 'lint', ...options, ...files];

/**
 * hadolint runs ShellCheck's analysis in its own process, on one core, for every RUN: ShellCheck alone
 * over the same scripts in one process is what hadolint with ShellCheck cannot go below. Where hadolint
 * is absent, that floor is the yardstick. The scripts are every RUN script of every file, written as
 * layerlint gives them to ShellCheck (layerlint itself checks each distinct one once).
 */
async function shellcheckFloorCommand(files) {
  const realShellcheck = onPath('shellcheck');
  if (!realShellcheck) return null;
  const { modelDockerfile } = await import(join(root, 'dist/src/lint.js'));
  const { scriptTexts } = await import(join(root, 'dist/src/shellcheck/shellcheck.js'));
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-bench-scripts-'));
  let scripts = 0;
  for (const file of files) {
    const model = await modelDockerfile(readFileSync(file, 'utf8'), file);
    for (const script of scriptTexts(model.parsed)) writeFileSync(join(dir, `${scripts++}.sh`), script.text);
  }
  return {
    scripts,
    dir,
    command: [
      'sh',
      '-c',
      `cd '${dir}' && find . -name '*.sh' -print0 | xargs -0 -n 10000 '${realShellcheck}' --format=json1 --norc --exclude=1090,1091,2187 > /dev/null`,
    ],
  };
}

/**
 * The one file again, in a folder with a .layerlint.yaml: most projects that run a linter in a hook
 * configure it, and reading the config is start-up work too.
 */
const configDir = mkdtempSync(join(tmpdir(), 'layerlint-bench-config-'));
function withConfig(file) {
  writeFileSync(join(configDir, '.layerlint.yaml'), 'failure-threshold: warning\nignored:\n  - DL3008\nrules:\n  maintainer-deprecated: off\n');
  writeFileSync(join(configDir, 'Dockerfile'), readFileSync(file));
  return join(configDir, 'Dockerfile');
}

function variants(files, floor) {
  return {
    ...(floor ? { [`ShellCheck alone (${floor.scripts} scripts)`]: floor.command } : {}),
    ...(files.length === 1 ? { 'bare node': [process.execPath, '-e', ''] } : {}),
    'layerlint, ShellCheck off': layerlint(files, '--no-cache', '--shellcheck', 'off'),
    ...(files.length === 1 ? { 'layerlint, with a config': layerlint([withConfig(files[0])], '--no-cache', '--shellcheck', 'off') } : {}),
    ...(hasShellcheck ? { 'layerlint, ShellCheck on': layerlint(files, '--no-cache') } : {}),
    'layerlint, warm cache': layerlint(files, '--cache-dir', cacheDir),
    ...(hadolint ? { hadolint: [hadolint, ...files] } : {}),
    ...(tally ? { tally: [tally, 'lint', ...files] } : {}),
  };
}

function run(files, rounds, floor = null) {
  const table = variants(files, floor);
  // Prime the cache: the warm variant re-runs what this run linted (ShellCheck on, as by default).
  timeCommand(layerlint(files, '--cache-dir', cacheDir));
  const samples = Object.fromEntries(Object.keys(table).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, command] of Object.entries(table)) samples[name].push(timeCommand(command));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const bare = samples['bare node'];
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      {
        wall: median(list.map((sample) => sample.wall)),
        rssKb: median(list.map((sample) => sample.rssKb)),
        min: Math.min(...list.map((sample) => sample.wall)),
        // Paired: the difference to bare Node in the same round, then the median. The machine's speed
        // drifts between rounds; within a round both commands see the same minute.
        aboveBare: bare ? median(list.map((sample, round) => sample.wall - bare[round].wall)) : null,
      },
    ]),
  );
}

const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
const s = (seconds) => `${seconds.toFixed(2)} s`;
const mb = (kb) => (kb ? `${(kb / 1024).toFixed(0)} MB` : '–');
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '–');

let floor = null;
console.log(
  `\nReal Dockerfiles: ${corpus.length} files (test/audit/files${process.env.BENCH_REAL ? ` + ${process.env.BENCH_REAL}` : ''}); ShellCheck ${hasShellcheck ? 'on PATH' : 'not on PATH'}; hadolint ${hadolint ?? 'absent'}; tally ${tally ?? 'absent'}`,
);
try {
  const single = run([oneFile], ONE_FILE_RUNS);
  console.log(`\nOne small file (${oneFile.replace(root, '')}), median of ${ONE_FILE_RUNS}; above bare node: median of the per-round differences:`);
  for (const [name, figures] of Object.entries(single)) {
    const aboveNode = name === 'bare node' ? '' : `  (+${ms(figures.aboveBare)} above bare node)`;
    console.log(`  ${name.padEnd(28)} ${ms(figures.wall).padStart(8)}  min ${ms(figures.min)}  RSS ${mb(figures.rssKb)}${aboveNode}`);
  }
  floor = hasShellcheck ? await shellcheckFloorCommand(corpus) : null;
  const batch = run(corpus, BATCH_ROUNDS, floor);
  console.log(`\nAll ${corpus.length} files in one command, median of ${BATCH_ROUNDS} round(s):`);
  const cold = batch['layerlint, ShellCheck on'] ?? batch['layerlint, ShellCheck off'];
  for (const [name, figures] of Object.entries(batch)) {
    console.log(
      `  ${name.padEnd(28)} ${s(figures.wall).padStart(9)}  ${(corpus.length / figures.wall).toFixed(0).padStart(6)} files/s  peak RSS ${mb(figures.rssKb)}`,
    );
  }
  if (hadolint) console.log(`  layerlint (ShellCheck on) / hadolint: ${ratio(cold.wall, batch.hadolint.wall)} (target ≤ 0.5×)`);
  const floorName = Object.keys(batch).find((name) => name.startsWith('ShellCheck alone'));
  if (floorName)
    console.log(
      `  layerlint (ShellCheck on) / ShellCheck alone in one process (hadolint's floor): ${ratio(cold.wall, batch[floorName].wall)}${hadolint ? '' : ' (hadolint absent: below 0.5× here means below 0.5× hadolint)'}`,
    );
  if (tally) console.log(`  layerlint (ShellCheck on) / tally:    ${ratio(cold.wall, batch.tally.wall)}`);
  console.log(
    `  warm re-run: ${s(batch['layerlint, warm cache'].wall)} (target ≤ 5 s); one file above bare node: ${ms(single['layerlint, ShellCheck on']?.aboveBare)} with ShellCheck, ${ms(single['layerlint, ShellCheck off'].aboveBare)} without (target ≤ 30 ms), ${ms(single['layerlint, with a config'].aboveBare)} with a config`,
  );
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
  if (floor) rmSync(floor.dir, { recursive: true, force: true });
}
