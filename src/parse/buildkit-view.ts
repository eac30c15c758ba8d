/**
 * An instruction as BuildKit's parser reads it, for the checks of problems.ts: its logical line (the
 * physical lines joined where the escape character continues them, comment and blank lines inside
 * dropped), split into the leading `--flags` and the arguments after them. It is read from the file as
 * written: `RUN --\` followed by blanks, then `COPY …` on the next line, is `RUN --COPY …` for BuildKit,
 * whichever way the rest of layerlint splits the words.
 */
import { endsWithContinuation } from './continuations.js';
import type { Position } from './types.js';

export interface BuildKitView {
  /** The leading `--words` BuildKit takes for flags (quotes removed, as its flag reader does). */
  flags: string[];
  /** What follows them, trimmed: the instruction's arguments. */
  args: string;
}

/** The view of the instruction whose keyword ends at `afterKeyword`, from the file's lines as written. */
export function buildkitView(lines: string[], afterKeyword: Position, escape: string): BuildKitView {
  return splitFlags(logicalLine(lines, afterKeyword, escape), escape);
}

/** The text after the keyword up to the end of the instruction's own line (heredoc bodies come after it). */
function logicalLine(lines: string[], afterKeyword: Position, escape: string): string {
  let text = '';
  for (let line = afterKeyword.line; line < lines.length; line++) {
    const content = line === afterKeyword.line ? lines[line].slice(afterKeyword.character) : lines[line];
    // Inside a continuation BuildKit skips comment lines and empty lines.
    if (line > afterKeyword.line && (content.trim() === '' || /^\s*#/.test(content))) continue;
    const withoutTrailingBlanks = content.replace(/[ \t]+$/, '');
    if (!endsWithContinuation(withoutTrailingBlanks, escape)) return (text + content).trim();
    text += withoutTrailingBlanks.slice(0, -1);
  }
  return text.trim();
}

/** BuildKit's extractBuilderFlags: leading words that start with `--`, up to the first other word or a bare `--`. */
function splitFlags(line: string, escape: string): BuildKitView {
  const flags: string[] = [];
  let position = 0;
  for (;;) {
    while (position < line.length && /\s/.test(line[position])) position++;
    if (!line.startsWith('--', position)) return { flags, args: line.slice(position).trim() };
    let word = '';
    let quote: string | null = null;
    for (; position < line.length && (quote !== null || !/\s/.test(line[position])); position++) {
      const char = line[position];
      if (quote === null && (char === '"' || char === "'")) quote = char;
      else if (char === quote) quote = null;
      else if (char === escape && position + 1 < line.length) word += line[++position];
      else if (char !== escape) word += char;
    }
    if (word === '--') return { flags, args: line.slice(position).trim() };
    flags.push(word);
  }
}

/** A flag word split as BuildKit's flag parser does: `--from=build` is from/build, `--link` has no value. */
export function flagParts(word: string): { name: string; value: string | null } {
  const body = word.slice(2);
  const equals = body.indexOf('=');
  return equals < 0 ? { name: body, value: null } : { name: body.slice(0, equals), value: body.slice(equals + 1) };
}
