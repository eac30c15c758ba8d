/**
 * A fix's new text in the file's own line breaks: rules write `\n`; in a CRLF file the lines a fix adds
 * get `\r\n`, so the file does not end up with mixed line endings.
 */
import type { Finding, TextEdit } from '../core/findings.js';

export type LineEnding = '\n' | '\r\n';

/** CRLF when at least half the lines end with it. */
export function lineEndingOf(text: string): LineEnding {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length;
  return crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';
}

export function withLineEndings(edits: readonly TextEdit[], eol: LineEnding): TextEdit[] {
  if (eol === '\n') return [...edits];
  return edits.map((edit) => ({ ...edit, newText: edit.newText.replace(/\r?\n/g, '\r\n') }));
}

/** Findings whose fix edits use the file's line breaks. */
export function inLineEndings(findings: Finding[], eol: LineEnding): Finding[] {
  if (eol === '\n') return findings;
  return findings.map((finding) => (finding.fix?.edits ? { ...finding, fix: { ...finding.fix, edits: withLineEndings(finding.fix.edits, eol) } } : finding));
}
