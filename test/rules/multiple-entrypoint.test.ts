import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'multiple-entrypoint';

describe(rule, () => {
  test('fires on every ENTRYPOINT but the last in a stage', async () => {
    expect(await hits(rule, 'FROM alpine\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]\n')).toEqual([2, 3]);
  });

  test('quiet: one per stage', async () => {
    expect(await hits(rule, 'FROM alpine AS a\nENTRYPOINT ["a"]\nFROM a\nENTRYPOINT ["b"]\n')).toEqual([]);
  });
});
