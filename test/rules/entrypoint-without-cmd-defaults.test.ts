import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'entrypoint-without-cmd-defaults';

describe(rule, () => {
  test('the seed: ENTRYPOINT ["ping", "-c", "3", "8.8.8.8"] with no CMD', async () => {
    const [finding] = (await findings('From alpine:latest\nENTRYPOINT ["ping", "-c", "3", "8.8.8.8"]\n')).filter((f) => f.ruleId === rule);
    expect(finding.severity).toBe('info');
    expect(finding.message).toContain('ENTRYPOINT ["ping"] with CMD ["-c","3","8.8.8.8"]');
    expect(finding.fix?.edits?.[0].newText).toBe('["ping"]\nCMD ["-c", "3", "8.8.8.8"]');
  });

  test('quiet: the seed fixed version, an interpreter running a program (the gradle seed), no arguments', async () => {
    expect(await hits(rule, 'From alpine:latest\nENTRYPOINT ["ping"]\nCMD ["-c", "3", "8.8.8.8"]\n')).toEqual([]);
    expect(await hits(rule, 'FROM amazoncorretto:17\nENTRYPOINT ["java", "-jar", "app.jar"]\n')).toEqual([]);
    expect(await hits(rule, 'FROM alpine\nENTRYPOINT ["/usr/bin/app"]\n')).toEqual([]);
    expect(await hits(rule, 'FROM alpine\nENTRYPOINT ["/docker-entrypoint.sh", "--verbose"]\n')).toEqual([]);
  });
});
