import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/mkdir-before-workdir.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires when a RUN only creates the directory the next WORKDIR names; the fix deletes the RUN', async () => {
    expect(await ruleHits(rule, 'FROM debian:12\nRUN mkdir -p /app\nWORKDIR /app\nWORKDIR /srv\nRUN mkdir data\nWORKDIR data\n')).toEqual([2, 5]);
    const [finding] = (await lintRule(rule, 'FROM debian:12\nRUN mkdir -p /app\nWORKDIR /app\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.fix?.edits?.[0]).toEqual({ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' });
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: other directories, more work in the RUN, a mode, or a WORKDIR that is not next',
        code: 'FROM debian:12\nRUN mkdir -p /app/data\nWORKDIR /app\nRUN mkdir -p /x && chown app /x\nWORKDIR /x\nRUN mkdir -m 700 /y\nWORKDIR /y\nRUN mkdir /z\nENV A=1\nWORKDIR /z\n',
      },
    ],
  });

  test('off by default', async () => {
    const { lintText } = await import('../../src/lint.js');
    expect((await lintText('FROM debian:12\nRUN mkdir -p /app\nWORKDIR /app\n', 'Dockerfile')).findings.map((f) => f.ruleId)).not.toContain(rule);
  });
});
