import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/entrypoint-without-cmd-defaults.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('the seed: ENTRYPOINT ["ping", "-c", "3", "8.8.8.8"] with no CMD', async () => {
    const [finding] = (await lintRule(rule, 'From alpine:latest\nENTRYPOINT ["ping", "-c", "3", "8.8.8.8"]\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.severity).toBe('info');
    expect(finding.message).toContain('ENTRYPOINT ["ping"] with CMD ["-c","3","8.8.8.8"]');
    expect(finding.fix?.edits?.[0].newText).toBe('["ping"]\nCMD ["-c", "3", "8.8.8.8"]');
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: the seed fixed version, an interpreter running a program (the gradle seed), no arguments (1)',
        code: 'From alpine:latest\nENTRYPOINT ["ping"]\nCMD ["-c", "3", "8.8.8.8"]\n',
      },
      {
        name: 'quiet: the seed fixed version, an interpreter running a program (the gradle seed), no arguments (2)',
        code: 'FROM amazoncorretto:17\nENTRYPOINT ["java", "-jar", "app.jar"]\n',
      },
      {
        name: 'quiet: the seed fixed version, an interpreter running a program (the gradle seed), no arguments (3)',
        code: 'FROM alpine\nENTRYPOINT ["/usr/bin/app"]\n',
      },
      {
        name: 'quiet: the seed fixed version, an interpreter running a program (the gradle seed), no arguments (4)',
        code: 'FROM alpine\nENTRYPOINT ["/docker-entrypoint.sh", "--verbose"]\n',
      },
    ],
  });
});
