import { overriddenInstructions, type Rule } from '../src/kit/index.js';

/** Only the last HEALTHCHECK of a stage takes effect; earlier ones are dead code that misleads readers. */
const rule: Rule = {
  meta: {
    id: 'multiple-healthcheck',
    category: 'runtime',
    severity: 'warning',
    recommended: true,
    description: 'A stage has more than one HEALTHCHECK; only the last one takes effect.',
    hadolint: ['DL3012'],
    buildkit: ['MultipleInstructionsDisallowed'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) overriddenInstructions(stage, 'HEALTHCHECK').forEach(report);
  },
};

export default rule;
