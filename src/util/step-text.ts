/**
 * An instruction's text as a key to match it with the classic builder's `Step N/M : TEXT` lines,
 * which give the instruction as written, flags included: continuations joined, blanks collapsed,
 * case folded.
 */
import type { Instruction, ParsedDockerfile } from '../parse/types.js';

export function stepTextKey(text: string): string {
  return text.replace(/\\\s*\n/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The key of an instruction of `parsed`, from its lines as written. */
export function instructionStepKey(parsed: ParsedDockerfile, instruction: Instruction): string {
  return stepTextKey(parsed.lines.slice(instruction.range.start.line, instruction.range.end.line + 1).join('\n'));
}
