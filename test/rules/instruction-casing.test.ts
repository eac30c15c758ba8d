import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/instruction-casing.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires on keywords outside the majority case, and on mixed case', async () => {
    expect(await ruleHits(rule, 'FROM alpine:3\nRUN a\nrun b\nCopy x /x\n')).toEqual([3, 4]);
    expect(await ruleHits(rule, 'from alpine:3\nrun a\nRUN b\n')).toEqual([3]);
    const [finding] = (await lintRule(rule, 'FROM alpine:3\nRUN a\nrun b\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.fix?.edits?.[0].newText).toBe('RUN');
  });
  ruleTester(rule, {
    valid: [
      { name: 'quiet: a file in one case (1)', code: 'from alpine:3\nrun a\ncopy x /x\n' },
      { name: 'quiet: a file in one case (2)', code: 'FROM alpine:3\nONBUILD RUN a\n' },
      {
        name: 'unknown words (stray lines that parse-error reports) do not vote on the casing',
        code: 'FROM alpine:3\nRUN a\necho one\necho two\necho three\n',
      },
    ],
  });
});
