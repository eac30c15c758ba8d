/**
 * Replace a file so that a reader sees its old bytes or its new ones, never half of them, and a crash or
 * a full disk leaves the old file whole: write a temporary file beside it, then rename it over. On
 * failure the temporary file is removed and the error rethrown, for the caller to put in its words.
 */
import { chmodSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

export function writeFileAtomically(path: string, data: string | Buffer, temporary: string, options: { mode?: number; exclusive?: boolean } = {}): void {
  try {
    writeFileSync(temporary, data, { flag: options.exclusive ? 'wx' : 'w' });
    if (options.mode !== undefined) chmodSync(temporary, options.mode);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // It was never created.
    }
    throw error;
  }
}
