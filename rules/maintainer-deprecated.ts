import type { Rule } from '../src/kit/index.js';

const rule: Rule = {
  meta: {
    id: 'maintainer-deprecated',
    category: 'hygiene',
    severity: 'warning',
    recommended: false,
    optInBecause: 'MAINTAINER still works; replacing it with a label changes neither the build nor the image.',
    description: 'MAINTAINER is deprecated; use the org.opencontainers.image.authors label.',
    hadolint: ['DL4000'],
    buildkit: ['MaintainerDeprecated'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions.filter((i) => i.keyword === 'MAINTAINER')) {
      const who = instruction.argumentsText.trim();
      report({
        message: 'MAINTAINER is deprecated and ignored by most tools; use LABEL org.opencontainers.image.authors instead.',
        range: instruction.range,
        fix: {
          description: 'Replace with an authors label.',
          edits: [{ range: instruction.range, newText: `LABEL org.opencontainers.image.authors=${JSON.stringify(who)}` }],
        },
      });
    }
  },
};

export default rule;
