import type { Rule } from '../src/kit/index.js';

/** Docker refuses these triggers when a child image builds: ONBUILD cannot chain, start a stage or set a maintainer. */
const DISALLOWED = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

const rule: Rule = {
  meta: {
    id: 'onbuild-invalid-trigger',
    category: 'syntax',
    severity: 'error',
    recommended: true,
    description: 'ONBUILD has ONBUILD, FROM or MAINTAINER as its trigger, which Docker does not allow.',
    hadolint: ['DL3043'],
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      const trigger = instruction.onbuildTrigger;
      if (!trigger || !DISALLOWED.has(trigger.keyword)) continue;
      report({
        message: `ONBUILD ${trigger.keyword} is not allowed: Docker rejects ${trigger.keyword} as an ONBUILD trigger.`,
        // From ONBUILD to the trigger: BuildKit names the line ONBUILD is on, also when the trigger is continued onto the next.
        range: { start: instruction.keywordRange.start, end: trigger.keywordRange.end },
      });
    }
  },
};

export default rule;
