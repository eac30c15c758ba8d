import type { Rule } from '../src/engine/types.js';

/** Only the last CMD of a stage takes effect; earlier ones are dead code that misleads readers. */
const rule: Rule = {
  meta: {
    id: 'multiple-cmd',
    category: 'runtime',
    severity: 'warning',
    description: 'A stage has more than one CMD; only the last one takes effect.',
    hadolint: ['DL4003'],
    buildkit: ['MultipleInstructionsDisallowed'],
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      const cmds = stage.instructions.filter((instruction) => instruction.keyword === 'CMD');
      const last = cmds.at(-1);
      if (!last) continue;
      for (const cmd of cmds.slice(0, -1)) {
        report({
          message: `This CMD is overridden by the CMD on line ${last.range.start.line + 1}, so it never runs; delete it or merge the two.`,
          range: cmd.range,
          related: [{ range: last.range, message: 'the CMD that takes effect' }],
          fix: { description: 'Delete the overridden CMD.', edits: [{ range: { start: { line: cmd.range.start.line, character: 0 }, end: { line: cmd.range.end.line + 1, character: 0 } }, newText: '' }] },
        });
      }
    }
  },
};

export default rule;
