import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'useradd-without-l';

describe(rule, () => {
  test('fires on a six-digit UID without -l, in every spelling of -u', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN useradd -u 123456 app\nRUN useradd --uid 1000000 b\nRUN useradd -u9999999 c\n')).toEqual([2, 3, 4]);
  });

  test('quiet: -l or --no-log-init, small UIDs, no UID, adduser', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN useradd -l -u 123456 a && useradd --no-log-init -u 123456 b\nRUN useradd -u 1000 c && useradd d && adduser -u 123456 e\n')).toEqual([]);
  });

  test('the message gives the size and the fix inserts -l', async () => {
    const [finding] = (await findings('FROM debian:12\nRUN useradd -u 100000000 app\n')).filter((f) => f.ruleId === rule);
    expect(finding.message).toContain('29200 MB');
    expect(finding.fix?.edits?.[0].newText).toBe(' -l');
  });
});
