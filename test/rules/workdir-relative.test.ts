import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/workdir-relative.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet after an absolute WORKDIR (also in a base stage), for variables and Windows paths (1)',
        code: 'FROM node:20\nWORKDIR /app\nWORKDIR dist\n',
      },
      {
        name: 'quiet after an absolute WORKDIR (also in a base stage), for variables and Windows paths (2)',
        code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n',
      },
      {
        name: 'quiet after an absolute WORKDIR (also in a base stage), for variables and Windows paths (3)',
        code: 'FROM node:20\nWORKDIR $HOME/app\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n',
      },
    ],
    invalid: [{ name: 'fires on a relative WORKDIR before any absolute one', code: 'FROM node:20\nWORKDIR app\nWORKDIR ./src\n', findings: [2, 3] }],
  });

  test('reads the path as Docker does: quotes removed, ARG values substituted', async () => {
    expect(await ruleHits(rule, 'FROM node:20\nWORKDIR \'/app\'\nWORKDIR "/srv/my app"\n')).toEqual([]);
    expect(await ruleHits(rule, 'FROM node:20\nARG DIR=app\nWORKDIR $DIR\n')).toEqual([3]);
    const [quoted] = (await lintRule(rule, "FROM node:20\nWORKDIR 'app'\n")).filter((f) => f.ruleId === rule.meta.id);
    expect(quoted.message).toContain("such as '/app'");
    expect(quoted.fix?.edits?.[0].newText).toBe("'/app'");
  });
});
