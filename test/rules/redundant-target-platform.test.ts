import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'redundant-target-platform';

describe(rule, () => {
  test('fires on $TARGETPLATFORM in both spellings; the fix removes the flag and its space', async () => {
    expect(await hits(rule, 'FROM --platform=$TARGETPLATFORM alpine:3\nFROM --platform=${TARGETPLATFORM} debian:12\n')).toEqual([1, 2]);
    const [finding] = (await findings('FROM --platform=$TARGETPLATFORM alpine:3\n')).filter((f) => f.ruleId === rule);
    expect(finding.fix?.edits).toEqual([{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 32 } }, newText: '' }]);
  });

  test('quiet: $BUILDPLATFORM, constants, no flag', async () => {
    expect(await hits(rule, 'FROM --platform=$BUILDPLATFORM golang:1\nFROM --platform=linux/amd64 alpine:3\nFROM alpine:3\n')).toEqual([]);
  });
});
