import { overriddenInstructions, type Rule } from '../src/kit/index.js';

/** Only the last CMD of a stage takes effect; earlier ones are dead code that misleads readers. */
const rule: Rule = {
  meta: {
    id: 'multiple-cmd',
    category: 'runtime',
    severity: 'warning',
    recommended: true,
    description: 'A stage has more than one CMD; only the last one takes effect.',
    hadolint: ['DL4003'],
    buildkit: ['MultipleInstructionsDisallowed'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) overriddenInstructions(stage, 'CMD').forEach(report);
  },
};

export default rule;
