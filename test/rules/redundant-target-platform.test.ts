import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/redundant-target-platform.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires on $TARGETPLATFORM in both spellings; the fix removes the flag and its space', async () => {
    expect(await ruleHits(rule, 'FROM --platform=$TARGETPLATFORM alpine:3\nFROM --platform=${TARGETPLATFORM} debian:12\n')).toEqual([1, 2]);
    const [finding] = (await lintRule(rule, 'FROM --platform=$TARGETPLATFORM alpine:3\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.fix?.edits).toEqual([{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 32 } }, newText: '' }]);
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: $BUILDPLATFORM, constants, no flag',
        code: 'FROM --platform=$BUILDPLATFORM golang:1\nFROM --platform=linux/amd64 alpine:3\nFROM alpine:3\n',
      },
    ],
  });
});
