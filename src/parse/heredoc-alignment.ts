/**
 * Make dockerfile-ast find the heredocs BuildKit finds. dockerfile-ast takes an argument of RUN, COPY
 * or ADD for a heredoc when it starts with `<<`, splitting words at white space whatever the quotes.
 * BuildKit splits words as a shell does, and its pattern (`^(\d*)<<(-?)…`) also takes `5<<EOF` (a
 * heredoc on file descriptor 5) and `0<<EOF`, but not a `<<` inside quotes (`RUN echo "a <<b"`). Where
 * they disagree dockerfile-ast reads a heredoc body as instructions ("unknown instruction: echo" on a
 * Dockerfile that builds), or swallows the instructions after a phantom heredoc.
 *
 * alignHeredocs returns the text with, on the first logical line of each RUN/COPY/ADD, the descriptor
 * digits and every quoted `<<` replaced by spaces: the same length, so every position stays right.
 * Only dockerfile-ast reads this text; everything else reads the file as written.
 */

import { endsWithContinuation } from './continuations.js';

const HEREDOC_INSTRUCTION = /^\s*(?:onbuild\s+)?(run|copy|add)\s/i;

interface PendingHeredoc {
  name: string;
  /** `<<-`: the terminator may be indented with tabs. */
  chomp: boolean;
}

export function alignHeredocs(text: string, escape: string): string {
  // What can need blanking: a digit right before <<, or a << after a quote (on its line or, after a
  // quote left open, on a continued line). Most files with heredocs have neither and are not scanned.
  // Written as index lookups: the regex /["'][^]*<</ tried every quote against the rest of the file
  // (quadratic: ~10 % of a 300-line file's lint).
  if (!needsScan(text)) return text;
  // Offsets to blank; most files with heredocs need none, and then nothing is copied.
  const blanks: number[] = [];
  const lines = [...text.matchAll(/[^\r\n]*(\r\n|\r|\n|$)/g)].filter((m) => m[0] !== '' || m.index! < text.length);
  const continues = (line: string) => endsWithContinuation(line.replace(/[ \t]+$/, ''), escape);
  let pending: PendingHeredoc[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i][0].replace(/[\r\n]+$/, '');
    if (pending.length > 0) {
      const [next] = pending;
      if ((next.chomp ? line.replace(/^\t+/, '') : line) === next.name) pending = pending.slice(1);
      continue;
    }
    if (!HEREDOC_INSTRUCTION.test(line)) continue;
    // The instruction's own words: this line and its continuation lines (comment lines inside are skipped).
    const spans: { start: number; text: string }[] = [{ start: lines[i].index!, text: line }];
    while (continues(spans[spans.length - 1].text) && i + 1 < lines.length) {
      i++;
      const next = lines[i][0].replace(/[\r\n]+$/, '');
      if (/^\s*#/.test(next)) continue;
      spans.push({ start: lines[i].index!, text: next });
    }
    pending = scanWords(spans, blanks);
  }
  if (blanks.length === 0) return text;
  const chars = text.split('');
  for (const offset of blanks) chars[offset] = ' ';
  return chars.join('');
}

/** A digit right before `<<`, or a quote anywhere before a `<<`. */
function needsScan(text: string): boolean {
  const lastHeredocMark = text.lastIndexOf('<<');
  if (lastHeredocMark < 0) return false;
  if (/\d<</.test(text)) return true;
  const firstQuote = [text.indexOf('"'), text.indexOf("'")].filter((index) => index >= 0);
  return firstQuote.length > 0 && Math.min(...firstQuote) < lastHeredocMark;
}

/** Walk the words as a shell splits them, blanking what dockerfile-ast would misread; returns the heredocs BuildKit sees. */
function scanWords(spans: { start: number; text: string }[], blanks: number[]): PendingHeredoc[] {
  const heredocs: PendingHeredoc[] = [];
  let quote: string | null = null;
  for (const span of spans) {
    let atWordStart = true;
    for (let j = 0; j < span.text.length; j++) {
      const ch = span.text[j];
      if (quote) {
        if (ch === '\\' && quote === '"') j++;
        else if (ch === quote) quote = null;
        else if (ch === '<' && span.text[j + 1] === '<') {
          blanks.push(span.start + j, span.start + j + 1);
          j++;
        }
        continue;
      }
      if (ch === ' ' || ch === '\t') {
        atWordStart = true;
        continue;
      }
      if (atWordStart) {
        const marker = /^(\d*)<<(-?)\s*(["']?)([^\s"'<>;|&()]+)\3/.exec(span.text.slice(j));
        if (marker) {
          for (let k = 0; k < marker[1].length; k++) blanks.push(span.start + j + k);
          heredocs.push({ name: marker[4], chomp: marker[2] === '-' });
          j += marker[0].length - 1;
          atWordStart = false;
          continue;
        }
      }
      atWordStart = false;
      if (ch === '"' || ch === "'") quote = ch;
    }
  }
  return heredocs;
}
