import type { Rule } from '../src/kit/index.js';

/** Stage names are matched case-insensitively but image references are lowercase: `AS Builder` reads like a different name than `--from=builder`. */
const rule: Rule = {
  meta: {
    id: 'stage-name-casing',
    category: 'stages',
    severity: 'style',
    recommended: false,
    optInBecause: 'Style only: the casing of a stage name changes neither the build nor the image.',
    description: 'A stage name has uppercase letters; stage names should be lowercase.',
    buildkit: ['StageNameCasing'],
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      const range = stage.from.from?.stageNameRange;
      if (!stage.name || !range || stage.name === stage.name.toLowerCase()) continue;
      report({
        message: `Stage name "${stage.name}" should be lowercase: "${stage.name.toLowerCase()}".`,
        range,
        fix: { description: 'Lower-case the name (and update references to it).' },
      });
    }
  },
};

export default rule;
