import type { Rule } from '../src/kit/index.js';

/** `LABEL version=""` records nothing; usually a build arg that was not passed. */
const rule: Rule = {
  meta: {
    id: 'label-empty',
    category: 'hygiene',
    severity: 'warning',
    recommended: false,
    optInBecause: "An empty label value is harmless; whether it is intended is the team's call.",
    description: 'A LABEL has an empty value.',
    hadolint: ['DL3051'],
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions.filter((i) => i.keyword === 'LABEL')) {
      for (const pair of instruction.pairs) {
        if ((pair.value ?? '').trim() !== '') continue;
        report({ message: `Label ${pair.name} is empty; give it a value or remove it.`, range: pair.nameRange });
      }
    }
  },
};

export default rule;
