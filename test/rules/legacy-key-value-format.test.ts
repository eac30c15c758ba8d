import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'legacy-key-value-format';

describe(rule, () => {
  test('fires on ENV and LABEL without =, also in ONBUILD; a safe fix only for simple values', async () => {
    expect(await hits(rule, 'FROM alpine:3\nENV A /opt\nLABEL maintainer me\nONBUILD ENV B 1\nENV C hello world\n')).toEqual([2, 3, 4, 5]);
    const found = (await findings('FROM alpine:3\nENV A /opt\nENV C hello world\n')).filter((f) => f.ruleId === rule);
    expect(found[0].fix?.edits?.[0].newText).toBe('A=/opt');
    expect(found[1].fix?.edits).toBeUndefined();
    expect(found[1].message).toContain('C="hello world"');
  });

  test('quiet: key=value forms', async () => {
    expect(await hits(rule, 'FROM alpine:3\nENV A=/opt B="x y"\nLABEL a=b\nARG X\n')).toEqual([]);
  });
});
