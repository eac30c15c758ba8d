/**
 * A big batch on a two-core machine is linted in a second Node process with one V8 worker thread.
 *
 * Node gives V8 four worker threads, whatever the machine, for its optimising compiler and its
 * garbage collector. On two cores, whenever more than one of them is busy they take turns with the
 * main thread, which is the one linting. The first pass over the bench corpus (2,000 Dockerfiles,
 * 6 alternating runs) did 886 files/s with four, 929 with two and 1,108 with one; on one core the
 * pool size made no difference. Node reads the pool size only as it starts (`--v8-pool-size`), so a
 * batch big enough to pay for a second start is handed to a process started with it. Machines with
 * more cores are left as Node sets them up (not measured), and so is a pool size the user chose.
 */
import { writeErr } from './terminal.js';

// node:os and node:child_process are imported when a batch is big enough: a one-file lint does not load them.

/**
 * Below this many files the second Node start (~35 ms, ~90 ms with NODE_EXTRA_CA_CERTS) and walking the
 * folders again eat the gain: `layerlint lint` of 500 bench files took as long either way, of 1,000 files
 * 6 % less time, of 2,000 files 11 % less (6 alternating runs each).
 */
export const RELAUNCH_BATCH_SIZE = 1000;

export interface ProcessFacts {
  /** os.availableParallelism() */
  cores: number;
  /** process.execArgv: options given to node itself */
  execArgv: string[];
  /** process.env.NODE_OPTIONS */
  nodeOptions: string | undefined;
  /** Started by relaunchWithPoolSize (it sets LAYERLINT_RELAUNCHED): never relaunch twice. */
  relaunched: boolean;
}

export async function thisProcessFacts(): Promise<ProcessFacts> {
  const { availableParallelism } = await import('node:os');
  return { cores: availableParallelism(), execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS, relaunched: Boolean(process.env.LAYERLINT_RELAUNCHED) };
}

/** The V8 pool size to relaunch with for a batch of this many files, or null to lint in this process. */
export function relaunchPoolSize(fileCount: number, facts: ProcessFacts): number | null {
  if (fileCount < RELAUNCH_BATCH_SIZE || facts.cores !== 2 || facts.relaunched) return null;
  // A pool size the user chose, on the node command line or in NODE_OPTIONS, is kept.
  const nodeArguments = [...facts.execArgv, ...(facts.nodeOptions ?? '').split(/\s+/)];
  if (nodeArguments.some((argument) => argument.startsWith('--v8-pool-size'))) return null;
  return 1;
}

/** Signals that would end this process: passed on, so that the relaunched one never outlives it. */
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Run this very command line again in a Node started with `--v8-pool-size=<poolSize>`, sharing this
 * process's standard input, output and error. Returns its exit code, or null when it could not be
 * started (the caller then lints here).
 */
export async function relaunchWithPoolSize(poolSize: number): Promise<number | null> {
  const { spawn } = await import('node:child_process');
  const [script, ...args] = process.argv.slice(1);
  const child = spawn(process.execPath, [...process.execArgv, `--v8-pool-size=${poolSize}`, script, ...args], {
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
 * For `layerlint lint` of fileCount files: relaunch when that is faster here and return the relaunched
 * process's exit code, or null to lint in this process.
 */
export async function relaunchForBigBatch(fileCount: number, verbose: boolean): Promise<number | null> {
  if (fileCount < RELAUNCH_BATCH_SIZE) return null;
  const poolSize = relaunchPoolSize(fileCount, await thisProcessFacts());
  if (poolSize === null) return null;
  if (verbose) writeErr(`layerlint: ${fileCount} files on a 2-core machine: linting them in a Node process with ${poolSize} V8 worker thread (--v8-pool-size=${poolSize}) instead of Node's 4, which is faster here\n`);
  return relaunchWithPoolSize(poolSize);
}
