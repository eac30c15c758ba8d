/**
 * Writing a report with -o: never overwrite a file the user owns by accident. An existing file
 * is replaced only if it is empty or with --overwrite; the write goes to a temporary file first
 * and is renamed into place, so a failure never leaves half a report.
 */
import { existsSync, renameSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { UserError } from '../util/errors.js';

export function writeReport(path: string, content: string, overwrite: boolean): void {
  if (existsSync(path)) {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UserError(`cannot write report to '${path}': it is not a regular file`);
    if (stat.size > 0 && !overwrite) throw new UserError(`'${path}' already exists; pass --overwrite to replace it`);
  }
  const temporary = `${path}.layerlint-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    throw new UserError(`cannot write report to '${path}' (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
