import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'apt-instead-of-apt-get';

describe(rule, () => {
  test('fires on apt, suggesting apt-cache for queries; the fix rewrites the name', async () => {
    const found = (await findings('FROM debian:12\nRUN apt update && apt install -y curl\nRUN apt search vim\n')).filter((f) => f.ruleId === rule);
    expect(found.map((f) => f.range.start.line + 1)).toEqual([2, 2, 3]);
    expect(found[2].message).toContain('apt-cache');
    expect(found[0].fix?.edits?.[0].newText).toBe('apt-get');
  });

  test('quiet: apt-get, apt-cache, the word apt as an argument', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN apt-get update && apt-cache policy curl && echo apt\n')).toEqual([]);
  });
});
