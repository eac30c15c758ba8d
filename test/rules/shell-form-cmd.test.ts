import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/shell-form-cmd.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires on the seed CMD python /app/app.py with an exec-form fix', async () => {
    const [finding] = (await lintRule(rule, 'FROM ubuntu:18.04\nCMD python /app/app.py\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain('SIGTERM does not reach python');
    expect(finding.fix?.edits?.[0].newText).toBe('["python", "/app/app.py"]');
  });

  test('fires on a shell command line without exec, suggesting exec', async () => {
    const [finding] = (await lintRule(rule, 'FROM node:20\nCMD npm run migrate && node server.js\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain('start the last command with `exec`');
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: exec form, exec prefix, CMD that is ENTRYPOINT arguments, a builder stage (1)',
        code: 'FROM node:20\nCMD ["node", "server.js"]\n',
      },
      {
        name: 'quiet: exec form, exec prefix, CMD that is ENTRYPOINT arguments, a builder stage (2)',
        code: 'FROM node:20\nCMD exec node server.js\n',
      },
      {
        name: 'quiet: exec form, exec prefix, CMD that is ENTRYPOINT arguments, a builder stage (3)',
        code: 'FROM node:20\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["node"]\n',
      },
      {
        name: 'quiet: exec form, exec prefix, CMD that is ENTRYPOINT arguments, a builder stage (4)',
        code: 'FROM node:20 AS build\nCMD npm test\nFROM node:20-slim\nCMD ["node", "x.js"]\n',
      },
    ],
  });
});
