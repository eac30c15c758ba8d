import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/legacy-key-value-format.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires on ENV and LABEL without =, also in ONBUILD; a safe fix only for simple values', async () => {
    expect(await ruleHits(rule, 'FROM alpine:3\nENV A /opt\nLABEL maintainer me\nONBUILD ENV B 1\nENV C hello world\n')).toEqual([2, 3, 4, 5]);
    const found = (await lintRule(rule, 'FROM alpine:3\nENV A /opt\nENV C hello world\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(found[0].fix?.edits?.[0].newText).toBe('A=/opt');
    expect(found[1].fix?.edits).toBeUndefined();
    expect(found[1].message).toContain('C="hello world"');
  });
  ruleTester(rule, {
    valid: [{ name: 'quiet: key=value forms', code: 'FROM alpine:3\nENV A=/opt B="x y"\nLABEL a=b\nARG X\n' }],
  });
});
