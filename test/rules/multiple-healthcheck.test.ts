import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'multiple-healthcheck';

describe(rule, () => {
  test('fires on every overridden HEALTHCHECK of a stage', async () => {
    expect(await hits(rule, 'FROM nginx:1\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\nHEALTHCHECK CMD curl -f localhost\n')).toEqual([2, 3]);
  });

  test('quiet: one per stage, across stages', async () => {
    expect(await hits(rule, 'FROM nginx:1 AS a\nHEALTHCHECK CMD true\nFROM a\nHEALTHCHECK CMD false\n')).toEqual([]);
  });
});
