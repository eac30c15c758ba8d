import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/shell-form-entrypoint.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test("fires on the image's shell-form ENTRYPOINT with an exec-form fix", async () => {
    const [finding] = (await lintRule(rule, 'FROM node:20\nENTRYPOINT node server.js\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.range.start.line).toBe(1);
    expect(finding.fix?.edits?.[0].newText).toBe('["node", "server.js"]');
  });

  test('no automatic fix when the command needs a shell', async () => {
    const [finding] = (await lintRule(rule, 'FROM node:20\nENTRYPOINT node server.js --port $PORT\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.fix?.edits).toBeUndefined();
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: exec form, a builder stage, invalid JSON (reported by invalid-exec-form), SHELL set (1)',
        code: 'FROM node:20\nENTRYPOINT ["node", "server.js"]\n',
      },
      {
        name: 'quiet: exec form, a builder stage, invalid JSON (reported by invalid-exec-form), SHELL set (2)',
        code: 'FROM node:20 AS build\nENTRYPOINT make\nFROM node:20-slim\nENTRYPOINT ["node"]\n',
      },
      {
        name: 'quiet: exec form, a builder stage, invalid JSON (reported by invalid-exec-form), SHELL set (3)',
        code: "FROM node:20\nENTRYPOINT ['node']\n",
      },
      {
        name: 'quiet: exec form, a builder stage, invalid JSON (reported by invalid-exec-form), SHELL set (4)',
        code: 'FROM mcr.microsoft.com/powershell\nSHELL ["pwsh", "-Command"]\nENTRYPOINT Start-App\n',
      },
    ],
  });
});
