/**
 * An instruction's text as a key to match it with what the builders print of it (the classic
 * builder's `Step N/M : TEXT`, BuildKit's `[stage N/M] TEXT`): the instruction as written, flags
 * included, continuations joined, blanks collapsed, case folded.
 */
import type { Instruction, ParsedDockerfile } from './types.js';

export function stepTextKey(text: string): string {
  return oneLine(text).toLowerCase();
}

function oneLine(text: string): string {
  return text
    .replace(/\\\s*\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An instruction as written, flags included, on one line (`HEALTHCHECK --interval=30s CMD …`). */
export function instructionAsWritten(parsed: ParsedDockerfile, instruction: Instruction): string {
  return oneLine(parsed.lines.slice(instruction.range.start.line, instruction.range.end.line + 1).join('\n'));
}

/** The key of an instruction of `parsed`, from its lines as written. */
export function instructionStepKey(parsed: ParsedDockerfile, instruction: Instruction): string {
  return instructionAsWritten(parsed, instruction).toLowerCase();
}
