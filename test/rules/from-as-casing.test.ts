import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/from-as-casing.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires when AS does not match FROM; the fix rewrites AS only', async () => {
    expect(await ruleHits(rule, 'FROM alpine:3 as a\nfrom alpine:3 AS b\n')).toEqual([1, 2]);
    const [finding] = (await lintRule(rule, 'FROM alpine:3 as a\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.fix?.edits).toEqual([{ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 16 } }, newText: 'AS' }]);
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: matching case, mixed-case FROM (instruction-casing covers it), no AS',
        code: 'FROM alpine:3 AS a\nfrom alpine:3 as b\nFrom alpine:3 as c\nFROM alpine:3\n',
      },
    ],
  });
});
