/**
 * Some batches are linted faster in a second Node process, started with options Node (or V8) reads
 * only as it starts. Two reasons, each measured:
 *
 * 1. A big batch on a two-core machine: one V8 worker thread. Node gives V8 four worker threads,
 *    whatever the machine, for its optimising compiler and its garbage collector. On two cores,
 *    whenever more than one of them is busy they take turns with the main thread, which is the one
 *    linting. The first pass over the bench corpus (2,000 Dockerfiles, 6 alternating runs) did 886
 *    files/s with four, 929 with two and 1,108 with one; on one core the pool size made no difference.
 *    Machines with more cores are left as Node sets them up (not measured).
 * 2. The WebAssembly grammar on Node 23 and later: `--liftoff-only`, which keeps V8's optimising
 *    compiler off the grammar's lexer. Up to Node 22 layerlint sets it at run time; later V8s read it
 *    only at start (src/parse/shell-grammar.ts). Without it, a lint of 250 bench files took 0.84 s and
 *    585 MB on Node 24, with it 0.52 s and 110 MB; the language server, 591 against 87 MB.
 * 3. A big batch, on any machine: a heap that grows less (BIG_BATCH_HEAP_OPTIONS).
 * An option the user gave Node (on its command line or in NODE_OPTIONS) is kept as it is.
 */
import { liftoffOnlyWorksAtRunTime, WASM_FILES_WITHOUT_START_FLAG, type ShellGrammarBackend } from '../parse/shell-grammar.js';
import { writeErr } from './terminal.js';

// node:os and node:child_process are imported when a batch is big enough: a one-file lint does not load them.

/**
 * Below this many files, a second Node start (~35 ms, ~90 ms on Node 20 with NODE_EXTRA_CA_CERTS) and walking
 * the folders again eat what one V8 worker thread gains: `layerlint lint` of 500 bench files took as long
 * either way, of 1,000 files 6 % less time, of 2,000 files 11 % less (6 alternating runs each).
 */
export const RELAUNCH_BATCH_SIZE = 1000;

/**
 * A big batch keeps little alive (3,300 real Dockerfiles with ShellCheck: ~40 MB of objects and ~33 MB
 * of the WebAssembly grammar's memory, from a heap snapshot halfway), but V8 sizes its heap for a
 * machine with this much memory: it lets the old generation grow to 4 times what survived the last
 * full collection, and the young one to 2 x 16 MB. The same lint peaked at 275 MB. A smaller young
 * generation and a growth factor of 1.5 (both read only as V8 starts) took it to 188 MB in the same time
 * (paired whole-process runs, 4: 0.96x the wall time). Neither is a limit: a batch that needs more memory
 * still gets it, where `--max-old-space-size` would end it with an out-of-memory crash.
 */
export const BIG_BATCH_HEAP_OPTIONS = ['--max-semi-space-size=4', '--heap-growing-percent=50'];

export interface ProcessFacts {
  /** os.availableParallelism() */
  cores: number;
  /** process.execArgv: options given to node itself */
  execArgv: string[];
  /** process.env.NODE_OPTIONS */
  nodeOptions: string | undefined;
  /** Started by relaunchWithNodeOptions (it sets LAYERLINT_RELAUNCHED): never relaunch twice. */
  relaunched: boolean;
  /** process.versions.v8 */
  v8Version: string;
}

export async function thisProcessFacts(): Promise<ProcessFacts> {
  const { availableParallelism } = await import('node:os');
  return {
    cores: availableParallelism(),
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS,
    relaunched: Boolean(process.env.LAYERLINT_RELAUNCHED),
    v8Version: process.versions.v8,
  };
}

/** Options to start the second Node with, for one reason (said with --verbose). */
export interface RelaunchOption {
  options: string[];
  why: string;
}

/**
 * The Node options to relaunch a lint of fileCount files with; none: lint in this process.
 * `shellGrammar` says which grammar the batch will use; it is only asked when that matters.
 */
export function relaunchOptions(fileCount: number, facts: ProcessFacts, shellGrammar: () => ShellGrammarBackend): RelaunchOption[] {
  if (facts.relaunched) return [];
  const options: RelaunchOption[] = [];
  if (fileCount >= RELAUNCH_BATCH_SIZE && facts.cores === 2 && !givenToNode(facts, '--v8-pool-size')) {
    options.push({
      options: ['--v8-pool-size=1'],
      why: `${fileCount} files on a 2-core machine: one V8 worker thread (--v8-pool-size=1) instead of Node's 4 is faster here`,
    });
  }
  const liftoffOnly = fileCount >= WASM_FILES_WITHOUT_START_FLAG ? liftoffOnlyOption(facts, shellGrammar) : null;
  if (liftoffOnly) options.push(liftoffOnly);
  if (fileCount >= RELAUNCH_BATCH_SIZE && !HEAP_SIZING_OPTIONS.some((name) => givenToNode(facts, name))) {
    options.push({
      options: BIG_BATCH_HEAP_OPTIONS,
      why: `${fileCount} files: a heap that grows less (V8 would size it for this machine's memory; a batch keeps little alive)`,
    });
  }
  return options;
}

/** `--liftoff-only` when the WebAssembly grammar will run on a V8 that reads it only as Node starts. */
function liftoffOnlyOption(facts: ProcessFacts, shellGrammar: () => ShellGrammarBackend): RelaunchOption | null {
  if (facts.relaunched || liftoffOnlyWorksAtRunTime(facts.v8Version) || givenToNode(facts, '--liftoff-only') || shellGrammar() !== 'wasm') return null;
  return {
    options: ['--liftoff-only'],
    why: `the WebAssembly grammar on V8 ${facts.v8Version}, which reads --liftoff-only only as Node starts: without it V8 spends ~0.5 s and ~500 MB optimising the grammar`,
  };
}

/** Options by which the user has sized V8's heap already: theirs is kept, none of ours is added. */
const HEAP_SIZING_OPTIONS = ['--max-semi-space-size', '--min-semi-space-size', '--heap-growing-percent', '--max-old-space-size', '--max-heap-size'];

/** Did the user give Node this option, on its command line or in NODE_OPTIONS? */
function givenToNode(facts: ProcessFacts, name: string): boolean {
  return [...facts.execArgv, ...(facts.nodeOptions ?? '').split(/\s+/)].some((argument) => argument === name || argument.startsWith(`${name}=`));
}

/**
 * The Node options to relaunch `layerlint lsp` with. A language server lints as many files as a big
 * batch, only over hours: with the WebAssembly grammar on Node 23+, the server of an editor session
 * (150 edits of a Dockerfile on Node 24) peaked at 591 MB without `--liftoff-only` and 87 MB with it.
 * Not the one V8 worker thread of big batches: that was measured for a batch's throughput only.
 */
export function serverRelaunchOptions(facts: ProcessFacts, shellGrammar: () => ShellGrammarBackend): RelaunchOption[] {
  const liftoffOnly = liftoffOnlyOption(facts, shellGrammar);
  return liftoffOnly ? [liftoffOnly] : [];
}

/** Signals that would end this process: passed on, so that the relaunched one never outlives it. */
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Run this very command line again in a Node started with these extra options, sharing this
 * process's standard input, output and error. Returns its exit code, or null when it could not be
 * started (the caller then lints here).
 */
export async function relaunchWithNodeOptions(nodeOptions: string[]): Promise<number | null> {
  const { spawn } = await import('node:child_process');
  const [script, ...args] = process.argv.slice(1);
  const child = spawn(process.execPath, [...process.execArgv, ...nodeOptions, script, ...args], {
    stdio: 'inherit',
    env: { ...process.env, LAYERLINT_RELAUNCHED: '1' },
  });
  // A signal sent to this process alone (`timeout`, a CI runner stopping a job) is passed on; Ctrl-C
  // reaches both anyway, and a second SIGINT does no harm.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | null>((resolve) => {
    child.once('error', () => resolve(null));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
  if (ended === null) return null;
  // Killed: end the same way, so that the shell sees the signal.
  if (ended.signal) process.kill(process.pid, ended.signal);
  return ended.code ?? 1;
}

/**
 * For `layerlint lsp`: relaunch when the server would use the WebAssembly grammar on a V8 that takes
 * `--liftoff-only` only at start (serverRelaunchOptions), and return the relaunched server's exit code;
 * null to serve from this process. The relaunched server shares this process's stdin and stdout, so
 * the editor talks to it directly.
 */
export async function relaunchServer(shellGrammar: () => ShellGrammarBackend): Promise<number | null> {
  if (liftoffOnlyWorksAtRunTime()) return null;
  const options = serverRelaunchOptions(await thisProcessFacts(), shellGrammar);
  return options.length === 0 ? null : relaunchWithNodeOptions(options.flatMap((item) => item.options));
}

/**
 * For `layerlint lint` of fileCount files: relaunch when that is faster here and return the relaunched
 * process's exit code, or null to lint in this process.
 */
export async function relaunchForBatch(fileCount: number, shellGrammar: () => ShellGrammarBackend, verbose: boolean): Promise<number | null> {
  if (fileCount < Math.min(RELAUNCH_BATCH_SIZE, WASM_FILES_WITHOUT_START_FLAG)) return null;
  const options = relaunchOptions(fileCount, await thisProcessFacts(), shellGrammar);
  if (options.length === 0) return null;
  const nodeOptions = options.flatMap((item) => item.options);
  if (verbose) writeErr(`layerlint: linting in a Node process started with ${nodeOptions.join(' ')}: ${options.map((item) => item.why).join('; ')}\n`);
  return relaunchWithNodeOptions(nodeOptions);
}
