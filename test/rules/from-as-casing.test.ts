import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'from-as-casing';

describe(rule, () => {
  test('fires when AS does not match FROM; the fix rewrites AS only', async () => {
    expect(await hits(rule, 'FROM alpine:3 as a\nfrom alpine:3 AS b\n')).toEqual([1, 2]);
    const [finding] = (await findings('FROM alpine:3 as a\n')).filter((f) => f.ruleId === rule);
    expect(finding.fix?.edits).toEqual([{ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 16 } }, newText: 'AS' }]);
  });

  test('quiet: matching case, mixed-case FROM (instruction-casing covers it), no AS', async () => {
    expect(await hits(rule, 'FROM alpine:3 AS a\nfrom alpine:3 as b\nFrom alpine:3 as c\nFROM alpine:3\n')).toEqual([]);
  });
});
