/**
 * How findings name what they are about: an instruction or command as written (shortened), a 1-based
 * line, and "did you mean" suggestions. Messages quote the file, so the user finds the place.
 */
import type { Range } from '../core/findings.js';
import type { Instruction, ShellCommand } from '../parse/types.js';

export { closestName, editDistance } from '../util/names.js';

/** `COPY . .` as written, for messages. */
export function instructionLabel(instruction: Instruction, max = 60): string {
  const text = `${instruction.keywordAsWritten} ${instruction.argumentsText}`.replace(/\s+/g, ' ').trim();
  return `\`${text.length > max ? `${text.slice(0, max - 1)}…` : text}\``;
}

/** A command's words as the shell gives them, for messages. */
export function commandLabel(command: ShellCommand, max = 50): string {
  const text = command.argv.join(' ');
  return `\`${text.length > max ? `${text.slice(0, max - 1)}…` : text}\``;
}

/** The 1-based line a range starts on, as messages say it. */
export function lineOf(range: Range): number {
  return range.start.line + 1;
}
