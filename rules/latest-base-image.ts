import type { Rule } from '../src/kit/index.js';

const rule: Rule = {
  meta: {
    id: 'latest-base-image',
    category: 'hygiene',
    severity: 'warning',
    recommended: false,
    optInBecause: "Whether to pin the base image is each team's choice: images rebuilt on purpose follow their base's latest tag.",
    description: 'FROM uses the :latest tag, so the base image changes whenever it is republished.',
    hadolint: ['DL3007'],
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      const from = stage.from.from;
      if (!from || from.tag !== 'latest' || from.digest !== null) continue;
      report({
        message: `${from.image} changes whenever a new version is published, so rebuilds are not reproducible and miss the cache; pin a version tag (and ideally a digest).`,
        range: stage.from.argumentsRange ?? stage.from.range,
      });
    }
  },
};

export default rule;
