import { NOT_AN_ARRAY_OF_STRINGS, imageRuntime, lineOf, type Fix, type Instruction, type Rule } from '../src/kit/index.js';

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
    fixSafety: 'safe',
  },
  check({ model, parsed, report }) {
    const all = parsed.instructions.flatMap((instruction) => (instruction.onbuildTrigger ? [instruction, instruction.onbuildTrigger] : [instruction]));
    // The image's CMD behind an exec-form ENTRYPOINT: the shell does not run it, the entrypoint gets it as arguments.
    const { entrypoint, cmd } = imageRuntime(model);
    for (const instruction of all) {
      // SHELL has no shell form to fall back to, and BuildKit refuses a JSON array of non-strings:
      // both stop the build (a parse-error finding).
      if (!instruction.execFormError || instruction.keyword === 'SHELL' || instruction.execFormError === NOT_AN_ARRAY_OF_STRINGS) continue;
      const shell = instruction.shell.join(' ');
      const moveComment = commentFix(instruction);
      const advice = moveComment ? 'put the comment on its own line above' : 'write a JSON array of double-quoted strings';
      const behindEntrypoint = instruction === cmd && entrypoint?.form === 'exec';
      const what = behindEntrypoint
        ? `so Docker takes it as a shell-form CMD, and the exec-form ENTRYPOINT on line ${lineOf(entrypoint.range)} receives it as arguments: the container runs ${JSON.stringify([...(entrypoint.execArgs ?? []), ...instruction.shell, instruction.argumentsText.trim()])}`
        : `so Docker runs the whole text with \`${shell}\`, brackets and quotes included`;
      report({
        message: `This ${instruction.keyword} is not valid JSON (${instruction.execFormError}), ${what}; ${advice}.`,
        range: instruction.argumentsRange ?? instruction.range,
        fix: moveComment ?? singleQuoteFix(instruction),
      });
    }
  },
};

export default rule;
