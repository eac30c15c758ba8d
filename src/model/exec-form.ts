/**
 * Converting a shell-form command to exec form, when that is a safe textual change: one simple
 * command whose words need no shell (no operators, variables, globs or quotes to interpret).
 */
import type { Instruction } from '../parse/types.js';

const NEEDS_SHELL = /[|&;<>$`(){}*?~\\'"#]|\s-c\s/;

export function toExecForm(instruction: Instruction): string | null {
  const commands = instruction.script?.commands ?? [];
  if (instruction.form !== 'shell' || commands.length !== 1 || NEEDS_SHELL.test(instruction.argumentsText)) return null;
  const words = instruction.argumentsText.trim().split(/\s+/);
  return `[${words.map((word) => JSON.stringify(word)).join(', ')}]`;
}
