import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/exec-entrypoint-shell-cmd.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires and shows the argv the container really gets', async () => {
    const [finding] = (await lintRule(rule, 'FROM alpine\nENTRYPOINT ["ping"]\nCMD -c 3 localhost\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain('["ping","/bin/sh","-c","-c 3 localhost"]');
    expect(finding.fix?.edits?.[0].newText).toBe('["-c", "3", "localhost"]');
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: both exec form (the seed), shell-form ENTRYPOINT, no CMD (1)',
        code: 'From alpine:latest\nENTRYPOINT ["ping"]\nCMD ["-c", "3", "8.8.8.8"]\n',
      },
      { name: 'quiet: both exec form (the seed), shell-form ENTRYPOINT, no CMD (2)', code: 'FROM alpine\nENTRYPOINT ping\nCMD -c 3\n' },
      { name: 'quiet: both exec form (the seed), shell-form ENTRYPOINT, no CMD (3)', code: 'FROM alpine\nENTRYPOINT ["ping"]\n' },
      {
        name: 'a CMD inherited from a base stage is reset by a new ENTRYPOINT',
        code: 'FROM alpine AS base\nCMD echo hi\nFROM base\nENTRYPOINT ["ping"]\n',
      },
    ],
  });
});
