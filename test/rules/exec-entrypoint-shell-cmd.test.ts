import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'exec-entrypoint-shell-cmd';

describe(rule, () => {
  test('fires and shows the argv the container really gets', async () => {
    const [finding] = (await findings('FROM alpine\nENTRYPOINT ["ping"]\nCMD -c 3 localhost\n')).filter((f) => f.ruleId === rule);
    expect(finding.message).toContain('["ping","/bin/sh","-c","-c 3 localhost"]');
    expect(finding.fix?.edits?.[0].newText).toBe('["-c", "3", "localhost"]');
  });

  test('quiet: both exec form (the seed), shell-form ENTRYPOINT, no CMD', async () => {
    expect(await hits(rule, 'From alpine:latest\nENTRYPOINT ["ping"]\nCMD ["-c", "3", "8.8.8.8"]\n')).toEqual([]);
    expect(await hits(rule, 'FROM alpine\nENTRYPOINT ping\nCMD -c 3\n')).toEqual([]);
    expect(await hits(rule, 'FROM alpine\nENTRYPOINT ["ping"]\n')).toEqual([]);
  });

  test('a CMD inherited from a base stage is reset by a new ENTRYPOINT', async () => {
    expect(await hits(rule, 'FROM alpine AS base\nCMD echo hi\nFROM base\nENTRYPOINT ["ping"]\n')).toEqual([]);
  });
});
