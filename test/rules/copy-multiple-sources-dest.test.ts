import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'copy-multiple-sources-dest';

describe(rule, () => {
  test('fires when several sources go to a destination without a trailing slash', async () => {
    expect(await hits(rule, 'FROM alpine:3\nCOPY a b /app\nADD x y z dir\nCOPY ["a", "b", "/c"]\n')).toEqual([2, 3, 4]);
  });

  test('quiet: one source, trailing slash, . and .., variables', async () => {
    expect(await hits(rule, 'FROM alpine:3\nCOPY a /app\nCOPY a b /app/\nWORKDIR /w\nCOPY a b .\nCOPY a b ..\nCOPY a b $DEST\n')).toEqual([]);
  });
});
