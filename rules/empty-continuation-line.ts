import type { Rule } from '../src/kit/index.js';

/**
 * An empty line inside a `\` continuation is silently skipped today; Docker has announced it will be
 * an error. Usually a sign of a forgotten line or a stray backslash. Heredoc bodies are not continuations.
 */
const rule: Rule = {
  meta: {
    id: 'empty-continuation-line',
    category: 'syntax',
    severity: 'warning',
    recommended: true,
    description: 'An instruction continued with \\ has an empty line inside it, which Docker plans to reject.',
    buildkit: ['NoEmptyContinuation'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      if (!instruction.argumentsRange || instruction.heredocs.length > 0 || !instruction.rawArgumentsText.includes('\n')) continue;
      const lines = instruction.rawArgumentsText.split(/\r\n|\r|\n/);
      lines.forEach((text, i) => {
        if (i === 0 || i === lines.length - 1 || text.trim() !== '') return;
        const line = instruction.argumentsRange!.start.line + i;
        report({
          message: 'Empty line inside a continued instruction: Docker skips it now but will reject it; remove it (or end the instruction before it).',
          range: { start: { line, character: 0 }, end: { line, character: text.length } },
          fix: {
            description: 'Remove the empty line.',
            edits: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }],
          },
        });
      });
    }
  },
};

export default rule;
