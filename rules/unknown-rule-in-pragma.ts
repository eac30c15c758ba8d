import { closestRuleName, isRuleName, layerlintPragmaNames, type Rule } from '../src/kit/index.js';

/** `# layerlint ignore=multiple-cmdx` suppresses nothing and says nothing: a typo here silently keeps a finding on. */
const rule: Rule = {
  meta: {
    id: 'unknown-rule-in-pragma',
    category: 'hygiene',
    severity: 'warning',
    recommended: true,
    description: 'A `# layerlint ignore=` comment names a rule that does not exist, so it suppresses nothing.',
  },
  check({ parsed, knownRules, report }) {
    const rules = [...knownRules];
    for (const comment of parsed.comments) {
      for (const name of layerlintPragmaNames(comment.text) ?? []) {
        if (isRuleName(name, rules)) continue;
        const nearest = closestRuleName(name, rules);
        report({
          message: `\`${name}\` is not a rule, so this comment suppresses nothing${nearest ? `; did you mean \`${nearest}\`?` : '; run `layerlint rules` for the names'}`,
          range: comment.range,
        });
      }
    }
  },
};

export default rule;
