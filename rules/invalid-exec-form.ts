import type { Instruction } from '../src/parse/types.js';
import type { Fix, Rule } from '../src/engine/types.js';

/** `["a", 'b']`, `["a",]`: it looks like exec form, but Docker silently runs it as a shell string. */
function singleQuoteFix(instruction: Instruction): Fix | undefined {
  const range = instruction.argumentsRange;
  if (!range || range.start.line !== range.end.line) return undefined;
  const replaced = instruction.argumentsText.trim().replace(/'([^'"\\]*)'/g, '"$1"');
  try {
    const value: unknown = JSON.parse(replaced);
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return undefined;
  } catch {
    return undefined;
  }
  return { description: 'Use double quotes so Docker reads it as exec form.', edits: [{ range, newText: replaced }] };
}

/** `CMD ["a", "b"]  # note`: keep the array, move the comment to its own line above the instruction. */
function commentFix(instruction: Instruction): Fix | undefined {
  const range = instruction.argumentsRange;
  const commented = /^(\[\s*".*?\])\s+(#.*)$/s.exec(instruction.argumentsText.trim());
  if (!range || !commented || range.start.line !== range.end.line) return undefined;
  const lineStart = { line: instruction.range.start.line, character: 0 };
  const indent = ' '.repeat(instruction.range.start.character);
  return {
    description: 'Move the comment to a line of its own above the instruction.',
    edits: [
      { range: { start: lineStart, end: lineStart }, newText: `${indent}${commented[2]}\n` },
      { range, newText: commented[1] },
    ],
  };
}

const rule: Rule = {
  meta: {
    id: 'invalid-exec-form',
    category: 'runtime',
    severity: 'error',
    recommended: true,
    description: 'Arguments look like a JSON exec-form array but are not valid JSON, so Docker runs them in a shell.',
  },
  check({ parsed, report }) {
    const all = parsed.instructions.flatMap((instruction) => (instruction.onbuildTrigger ? [instruction, instruction.onbuildTrigger] : [instruction]));
    for (const instruction of all) {
      if (!instruction.execFormError) continue;
      const shell = instruction.shell.join(' ');
      const moveComment = commentFix(instruction);
      const advice = moveComment ? 'put the comment on its own line above' : 'write a JSON array of double-quoted strings';
      report({
        message: `This ${instruction.keyword} is not valid JSON (${instruction.execFormError}), so Docker runs the whole text with \`${shell}\`, brackets and quotes included; ${advice}.`,
        range: instruction.argumentsRange ?? instruction.range,
        fix: moveComment ?? singleQuoteFix(instruction),
      });
    }
  },
};

export default rule;
