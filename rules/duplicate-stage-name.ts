import { lineOf, type Rule } from '../src/kit/index.js';

const rule: Rule = {
  meta: {
    id: 'duplicate-stage-name',
    category: 'stages',
    severity: 'error',
    recommended: true,
    description: 'Two stages have the same name (names are case-insensitive).',
    hadolint: ['DL3024'],
    buildkit: ['DuplicateStageName'],
  },
  check({ parsed, report }) {
    const seen = new Map<string, (typeof parsed.stages)[number]>();
    for (const stage of parsed.stages) {
      if (!stage.name) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (!first) {
        seen.set(key, stage);
        continue;
      }
      report({
        message: `Stage name ${stage.name} is already used on line ${lineOf(first.from.range)}; docker build rejects duplicate stage names, so rename one of them.`,
        range: stage.from.from?.stageNameRange ?? stage.from.range,
        related: [{ range: first.from.range, message: 'first stage with this name' }],
      });
    }
  },
};

export default rule;
