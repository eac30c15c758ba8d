/**
 * Where reports go. `-o [FORMAT:]PATH` may be given several times (`-o sarif:results.sarif -o text:-`);
 * PATH `-` is stdout. A file the user owns is never overwritten by accident: an existing regular file
 * is replaced only if it is empty or with --overwrite, and the write goes to a temporary file first
 * and is renamed into place, so a failure never leaves half a report. A character device or a FIFO
 * (`/dev/stdout`, `/dev/null`, a pipe) is written as it is.
 */
import { existsSync, lstatSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { writeFileAtomically } from '../util/atomic-write.js';
import { dirname, resolve } from 'node:path';
import { writeErr, writeOut } from './terminal.js';
import { fileErrorInWords, UserError } from '../util/errors.js';

export interface ReportOutput<Format extends string> {
  format: Format;
  /** A file, or `-` for stdout. */
  path: string;
}

/** The `-o` values as outputs; none means the `--format` report on stdout. */
export function parseOutputs<Format extends string>(values: string[], defaultFormat: Format, formats: readonly Format[]): ReportOutput<Format>[] {
  if (values.length === 0) return [{ format: defaultFormat, path: '-' }];
  const outputs = values.map((value): ReportOutput<Format> => {
    // Only a known format name before the colon is one: `C:\reports\x.sarif` stays a path.
    const prefixed = /^([a-z]+):(.+)$/.exec(value);
    if (prefixed && (formats as readonly string[]).includes(prefixed[1])) return { format: prefixed[1] as Format, path: prefixed[2] };
    if (value === '') throw new UserError('-o needs a file (or FORMAT:FILE, with - for stdout)');
    return { format: defaultFormat, path: value };
  });
  const paths = outputs.map((output) => output.path);
  const repeated = paths.find((path, index) => paths.indexOf(path) !== index);
  if (repeated !== undefined) throw new UserError(`-o names '${repeated === '-' ? 'stdout (-)' : repeated}' twice: give each report its own file`);
  return outputs;
}

/** Paths that name this process's own output: written through the stream, never replaced. */
const STANDARD_STREAMS: Record<string, (text: string) => void> = {
  '/dev/stdout': writeOut,
  '/dev/fd/1': writeOut,
  '/proc/self/fd/1': writeOut,
  '/dev/stderr': writeErr,
  '/dev/fd/2': writeErr,
  '/proc/self/fd/2': writeErr,
};

export function writeReport(path: string, content: string, overwrite: boolean): void {
  const stream = STANDARD_STREAMS[path];
  if (stream) {
    stream(content);
    return;
  }
  // Through a symbolic link the file it points to is written, and the link stays.
  const target = isSymbolicLink(path) ? resolve(dirname(path), readlinkSync(path)) : path;
  if (existsSync(target)) {
    const stat = statSync(target);
    if (stat.isCharacterDevice() || stat.isFIFO() || stat.isSocket()) {
      writeDirectly(target, content);
      return;
    }
    if (!stat.isFile()) throw new UserError(`cannot write report to '${path}': it is a directory`);
    if (stat.size > 0 && !overwrite) throw new UserError(`'${path}' already exists; pass --overwrite to replace it`);
  }
  try {
    writeFileAtomically(target, content, `${target}.layerlint-${process.pid}.tmp`);
  } catch (error) {
    throw new UserError(`cannot write report to '${path}' (${fileErrorInWords(error)})`);
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function writeDirectly(path: string, content: string): void {
  try {
    writeFileSync(path, content);
  } catch (error) {
    throw new UserError(`cannot write report to '${path}' (${fileErrorInWords(error)})`);
  }
}
