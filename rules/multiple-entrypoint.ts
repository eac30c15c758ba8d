import { overriddenInstructions, type Rule } from '../src/kit/index.js';

/** Only the last ENTRYPOINT of a stage takes effect. */
const rule: Rule = {
  meta: {
    id: 'multiple-entrypoint',
    category: 'runtime',
    severity: 'warning',
    recommended: true,
    description: 'A stage has more than one ENTRYPOINT; only the last one takes effect.',
    hadolint: ['DL4004'],
    buildkit: ['MultipleInstructionsDisallowed'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) overriddenInstructions(stage, 'ENTRYPOINT').forEach(report);
  },
};

export default rule;
