/**
 * The file side of `lint --fix` and `--diff`: read a Dockerfile so that it can be written back byte for
 * byte (its BOM; line endings are the fix engine's), write the fixed text atomically, print a unified diff, and say what
 * was fixed. The fixing itself is src/fix/fix-engine.ts.
 */
import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Finding } from '../core/findings.js';
import { fixText, type FixOutcome } from '../fix/fix-engine.js';
import { fileErrorInWords, UserError } from '../util/errors.js';
import { writeFileAtomically } from '../util/atomic-write.js';

const BOM = '\ufeff';

/** The text as the linter reads it, and what writing it back must restore. */
export interface FixableText {
  text: string;
  /** The file started with a UTF-8 byte order mark (the linter's text does not hold it). */
  bom: boolean;
}

/**
 * A Dockerfile's bytes as fixable text; null when they are not UTF-8 (a comment in Latin-1, say): the
 * linter reads those bytes as U+FFFD, and writing its text back would destroy them.
 */
export function fixableText(bytes: Buffer): FixableText | null {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
  const bom = decoded.startsWith(BOM);
  const text = bom ? decoded.slice(1) : decoded;
  return { text, bom };
}

/** The bytes to write for fixed text: the BOM back in front. */
export function fixedBytes(text: string, original: FixableText): Buffer {
  return Buffer.from(original.bom ? BOM + text : text, 'utf8');
}

/** Replace the file with the fixed bytes, atomically, its mode kept. */
export function writeFixedFile(path: string, bytes: Buffer): void {
  try {
    const { mode } = statSync(path);
    writeFileAtomically(path, bytes, join(dirname(path), `.${basename(path)}.layerlint-fix-${process.pid}`), { mode, exclusive: true });
  } catch (error) {
    throw new UserError(`cannot write the fixed '${path}' (${fileErrorInWords(error)})`);
  }
}

/** A unified diff of one file, as `git diff` shows it (`a/PATH`, `b/PATH`). */
export function unifiedDiff(path: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}

/** What the fixes of a run came to, for the report's last lines. */
export interface FixTally {
  applied: number;
  filesChanged: number;
  remaining: number;
  /** Remaining findings that have an unsafe fix `--unsafe-fixes` would apply. */
  unsafeAvailable: number;
}

/** One file: the fixes applied to it, and the findings its report still has. */
export function addToTally(tally: FixTally, outcome: FixOutcome, changed: boolean, reported: Finding[], unsafe: boolean): void {
  tally.applied += outcome.applied.length;
  if (changed) tally.filesChanged += 1;
  tally.remaining += reported.length;
  if (!unsafe) tally.unsafeAvailable += reported.filter((finding) => finding.fix?.edits?.length && finding.fix.safety === 'unsafe').length;
}

/** `Fixed 3 findings in 1 file, 1 remaining; …`; with --diff (`dryRun`), what would be fixed alone: nothing was linted for a report. */
export function tallyInWords(tally: FixTally, dryRun: boolean): string {
  const fixed = `${dryRun ? 'Would fix' : 'Fixed'} ${tally.applied} finding${tally.applied === 1 ? '' : 's'} in ${tally.filesChanged} file${tally.filesChanged === 1 ? '' : 's'}`;
  if (dryRun) return `${fixed}.`;
  const remaining = `${tally.remaining} remaining`;
  const unsafe =
    tally.unsafeAvailable > 0 ? `; ${tally.unsafeAvailable} of them ha${tally.unsafeAvailable === 1 ? 's' : 've'} an unsafe fix (--unsafe-fixes)` : '';
  return `${fixed}, ${remaining}${unsafe}.`;
}

/** What `--fix` / `--diff` did to one file. */
export interface FileFix {
  outcome: FixOutcome;
  changed: boolean;
  /** With --diff: the file's unified diff, when it would change. */
  diff: string | null;
  /** The fixed file's bytes, when it changed: written in place, or to stdout for `-`. */
  bytes: Buffer | null;
  /** Why the file was left as it was, when it could not be fixed at all. */
  note: string | null;
}

/**
 * Fix one file's text (not yet written). `lint` lints a text as this file, without ShellCheck: no
 * ShellCheck finding has a fix, and the report lints the fixed text once more, with it.
 */
export async function fixFile(
  shownPath: string,
  text: string,
  bytes: Buffer,
  lint: (text: string) => Promise<Finding[]>,
  options: { unsafe: boolean; diff: boolean },
): Promise<FileFix> {
  const fixable = fixableText(bytes);
  if (!fixable || fixable.text !== text) {
    const note = `${shownPath} was not fixed: it is not UTF-8, and writing it back would change the bytes that are not`;
    return { outcome: { text, applied: [], refused: [], remaining: [], passes: 0 }, changed: false, diff: null, bytes: null, note };
  }
  const outcome = await fixText(text, lint, { unsafe: options.unsafe });
  const changed = outcome.text !== text;
  return {
    outcome,
    changed,
    diff: changed && options.diff ? unifiedDiff(shownPath, text, outcome.text) : null,
    bytes: changed ? fixedBytes(outcome.text, fixable) : null,
    note: null,
  };
}
