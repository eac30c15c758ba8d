import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'multiple-entrypoint',
    category: 'runtime',
    severity: 'warning',
    description: 'A stage has more than one ENTRYPOINT; only the last one takes effect.',
    hadolint: ['DL4004'],
    buildkit: ['MultipleInstructionsDisallowed'],
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      const entrypoints = stage.instructions.filter((instruction) => instruction.keyword === 'ENTRYPOINT');
      const last = entrypoints.at(-1);
      for (const entrypoint of entrypoints.slice(0, -1)) {
        report({
          message: `This ENTRYPOINT is overridden by the ENTRYPOINT on line ${last!.range.start.line + 1}, so it never runs; delete one of them.`,
          range: entrypoint.range,
          related: [{ range: last!.range, message: 'the ENTRYPOINT that takes effect' }],
          fix: { description: 'Delete the overridden ENTRYPOINT.', edits: [{ range: { start: { line: entrypoint.range.start.line, character: 0 }, end: { line: entrypoint.range.end.line + 1, character: 0 } }, newText: '' }] },
        });
      }
    }
  },
};

export default rule;
