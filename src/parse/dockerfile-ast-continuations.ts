/**
 * Where an instruction ends, as BuildKit decides it. BuildKit continues a line when it ends with the
 * escape character (then only blanks) that is not itself escaped: its pattern is `([^\\])\\[ \t]*$`
 * or a line that is only `\`. dockerfile-ast 0.7 decides otherwise in two cases, both found by the
 * differential fuzz test against the engine (test/buildkit-parse-fuzz.test.ts):
 * - `echo a\\` (an escaped backslash at the end): BuildKit ends the instruction; dockerfile-ast went on
 *   and swallowed the next instruction into this one;
 * - `echo a\ \` (an escaped blank, then the continuation): BuildKit goes on; dockerfile-ast skipped the
 *   character after the blank and ended the instruction, so the next line became an instruction.
 * This replaces the one method of dockerfile-ast's parser that makes that decision (processArguments);
 * everything else about the scan (comments inside a continued instruction, heredocs) is as it was.
 * (`\` followed by blanks at the end of a line is also moved into place by continuations.ts, for the
 * readers that tokenise the text later.)
 */
import { Parser } from 'dockerfile-ast/lib/parser.js';

interface ParserInternals {
  buffer: string;
  escapeChar: string;
  createInstruction(dockerfile: unknown, instruction: string, start: number, instructionEnd: number, end: number): unknown;
  processHeredocs(instruction: unknown, offset: number): number;
  processComment(dockerfile: unknown, start: number): number;
  continuationsAsBuildKit?: true;
}

const parser = Parser.prototype as unknown as ParserInternals & { processArguments: typeof processArguments };

/** Scans an instruction's arguments from `offset` to the line break that ends it; returns that offset. */
function processArguments(this: ParserInternals, dockerfile: unknown, instruction: string, instructionEnd: number, start: number, offset: number): number {
  const { buffer, escapeChar } = this;
  // After a continuation, until the next word: blank lines and `#` comment lines belong to the instruction.
  let continued = false;
  for (let i = offset + 1; i < buffer.length; i++) {
    const char = buffer.charAt(i);
    if (char === '\r' || char === '\n') {
      if (continued) continue;
      return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
    }
    if (char === escapeChar) {
      let next = i + 1;
      while (buffer.charAt(next) === ' ' || buffer.charAt(next) === '\t') next++;
      const endsTheLine = next === buffer.length || buffer.charAt(next) === '\r' || buffer.charAt(next) === '\n';
      if (endsTheLine && buffer.charAt(i - 1) !== escapeChar) {
        if (next === buffer.length) return buffer.length;
        continued = true;
        // The loop's i++ steps over the line break (over the \r of a \r\n; the \n is then skipped as continued).
        i = next;
      }
      continue;
    }
    if (char === '#' && continued) {
      i = this.processComment(dockerfile, i);
      continue;
    }
    if (char !== ' ' && char !== '\t') continued = false;
  }
  return buffer.length;
}

if (!parser.continuationsAsBuildKit) {
  parser.processArguments = processArguments;
  parser.continuationsAsBuildKit = true;
}
