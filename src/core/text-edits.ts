/**
 * Applying text edits to a Dockerfile's text. Ranges are 0-based lines and UTF-16 characters (LSP's
 * convention); a line ends at `\n`, so a `\r` before it is part of the line's text and is kept unless an
 * edit covers it. Bytes outside the edits stay exactly as they were.
 */
import type { Position, TextEdit } from './findings.js';

/** The offset of each line's first character. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A position as an offset into the text; past the end of a line or of the text, clamped to it (as LSP does). */
function offsetOf(position: Position, starts: number[], length: number): number {
  if (position.line >= starts.length) return length;
  const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] - 1 : length;
  return Math.min(starts[position.line] + position.character, lineEnd);
}

/** Two edits that replace overlapping text, or insert at the same place, cannot both apply. */
export function editsOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));
}

/** Offsets of an edit's range in `text`. */
export function editOffsets(text: string, edit: TextEdit, starts = lineStarts(text)): { start: number; end: number } {
  return { start: offsetOf(edit.range.start, starts, text.length), end: offsetOf(edit.range.end, starts, text.length) };
}

/** The text with every edit applied. Throws when two edits overlap: the caller decides which wins. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const placed = edits.map((edit) => ({ ...editOffsets(text, edit, starts), newText: edit.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < placed.length; i++) {
    if (editsOverlap(placed[i - 1], placed[i])) throw new Error(`overlapping edits at offsets ${placed[i - 1].start} and ${placed[i].start}`);
  }
  let out = '';
  let at = 0;
  for (const edit of placed) {
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}
