/**
 * Standard output and error without process.stdout and process.stderr. Creating those streams
 * loads Node's tty, net and stream modules: ~5 ms of a ~120 ms one-file lint (measured with a pipe
 * as stdout, as pre-commit and editors give us), and a lint only writes its report once.
 */
import { fstatSync, statSync, writeSync, type Stats } from 'node:fs';

const STDOUT = 1;
const STDERR = 2;

/** True when stdout is a terminal (colours, help text width). Only a character device can be one. */
export function stdoutIsTerminal(): boolean {
  return isTerminal(STDOUT);
}

/** The terminal's width, or undefined when stdout is not a terminal. */
export function terminalColumns(): number | undefined {
  return stdoutIsTerminal() ? process.stdout.columns : undefined;
}

/** Text (as UTF-8) or bytes as they are (`lint --fix -` gives back a Dockerfile byte for byte). */
export function writeOut(text: string | Buffer): void {
  writeAll(STDOUT, text);
}

export function writeErr(text: string): void {
  writeAll(STDERR, text);
}

function isTerminal(fd: number): boolean {
  try {
    // fstat first: pipes and files (most runs) are not terminals, and asking the stream creates it.
    const stats = fstatSync(fd);
    if (!stats.isCharacterDevice()) return false;
    // Nor is /dev/null (`layerlint lint … >/dev/null`, benchmarks), the other character device a run gets.
    if (isDevNull(stats)) return false;
  } catch {
    return false;
  }
  return Boolean((fd === STDOUT ? process.stdout : process.stderr).isTTY);
}

/** The same device as /dev/null; false where there is none (Windows). */
function isDevNull(stats: Stats): boolean {
  try {
    const devNull = statSync('/dev/null');
    return stats.rdev === devNull.rdev && stats.ino === devNull.ino;
  } catch {
    return false;
  }
}

/**
 * Write everything, synchronously, so nothing is lost when the process exits. A non-blocking pipe
 * that is full says EAGAIN: wait a millisecond and go on. A reader that has gone away (`| head`)
 * says EPIPE: stop writing, as other command-line tools do.
 */
function writeAll(fd: number, text: string | Buffer): void {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}
