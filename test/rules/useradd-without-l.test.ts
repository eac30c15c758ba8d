import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/useradd-without-l.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: -l or --no-log-init, small UIDs, no UID, adduser',
        code: 'FROM debian:12\nRUN useradd -l -u 123456 a && useradd --no-log-init -u 123456 b\nRUN useradd -u 1000 c && useradd d && adduser -u 123456 e\n',
      },
    ],
    invalid: [
      {
        name: 'fires on a six-digit UID without -l, in every spelling of -u',
        code: 'FROM debian:12\nRUN useradd -u 123456 app\nRUN useradd --uid 1000000 b\nRUN useradd -u9999999 c\n',
        findings: [2, 3, 4],
      },
    ],
  });

  test('the message gives the size and the fix inserts -l', async () => {
    const [finding] = (await lintRule(rule, 'FROM debian:12\nRUN useradd -u 100000000 app\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain('29200 MB');
    expect(finding.fix?.edits?.[0].newText).toBe(' -l');
  });
});
