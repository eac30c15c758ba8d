import { labelKeyProblem, type Rule } from '../src/kit/index.js';

/** Docker's label key convention (lowercase reverse-DNS), so tools that query labels find them. */
const rule: Rule = {
  meta: {
    id: 'label-invalid-key',
    category: 'hygiene',
    severity: 'style',
    recommended: false,
    optInBecause: 'Style only: Docker accepts any label key; the format is a convention.',
    description: "A LABEL key does not follow Docker's key format (lowercase reverse-DNS, no reserved namespace).",
    hadolint: ['DL3048'],
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions.filter((i) => i.keyword === 'LABEL')) {
      for (const pair of instruction.pairs) {
        const problem = pair.name.includes('$') ? null : labelKeyProblem(pair.name);
        if (problem) report({ message: `Label key "${pair.name}": ${problem} (e.g. org.opencontainers.image.source).`, range: pair.nameRange });
      }
    }
  },
};

export default rule;
