import type { Rule } from '../src/kit/index.js';

/**
 * `ENV NAME value` (no `=`) sets one variable to the whole rest of the line, spaces included, so
 * `ENV A 1 B 2` sets A to "1 B 2". Docker keeps it for old files and recommends `ENV NAME=value`.
 */
const rule: Rule = {
  meta: {
    id: 'legacy-key-value-format',
    category: 'syntax',
    severity: 'warning',
    recommended: false,
    optInBecause:
      'Only a style difference for the single-word values nearly every ENV holds; official images use `ENV key value` throughout, and none of those findings was worth a change.',
    description: 'ENV or LABEL uses the legacy "key value" form instead of key=value.',
    buildkit: ['LegacyKeyValueFormat'],
    fixSafety: 'safe',
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions.flatMap((i) => (i.onbuildTrigger ? [i, i.onbuildTrigger] : [i]))) {
      if ((instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL') || !instruction.argumentsRange) continue;
      const firstWord = instruction.argumentsText.trim().split(/\s+/)[0] ?? '';
      if (firstWord === '' || firstWord.includes('=')) continue;
      const pair = instruction.pairs[0];
      const value = pair?.value ?? '';
      // Only a value without spaces, quotes or escapes can be rewritten without changing its meaning.
      const safe = pair && instruction.range.start.line === instruction.range.end.line && /^[^\s"'\\]+$/.test(value);
      report({
        message: `Use ${instruction.keyword} ${firstWord}=${/\s/.test(value) ? JSON.stringify(value) : value || '…'}: the legacy "${instruction.keyword} key value" form takes the whole rest of the line as one value.`,
        range: instruction.argumentsRange,
        fix: { description: 'Use key=value.', edits: safe ? [{ range: instruction.argumentsRange, newText: `${pair.name}=${value}` }] : undefined },
      });
    }
  },
};

export default rule;
