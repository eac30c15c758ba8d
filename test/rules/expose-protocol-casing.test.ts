import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/expose-protocol-casing.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires on an uppercase protocol, with a fix for that word only', async () => {
    const found = (await lintRule(rule, 'FROM alpine:3\nEXPOSE 80 53/UDP\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(found).toHaveLength(1);
    expect(found[0].fix?.edits).toEqual([{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 16 } }, newText: '53/udp' }]);
  });

  test('across continuation lines: reported on the arguments, with no textual fix', async () => {
    const found = (await lintRule(rule, 'FROM alpine:3\nEXPOSE 80 \\\n  53/UDP\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(found).toHaveLength(1);
    expect(found[0].fix?.edits).toBeUndefined();
  });
  ruleTester(rule, {
    valid: [{ name: 'quiet: lowercase protocols or none', code: 'FROM alpine:3\nEXPOSE 80 53/udp 443/tcp\n' }],
  });
});
