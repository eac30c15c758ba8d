import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'label-empty';

describe(rule, () => {
  test('fires on empty values', async () => {
    expect(await hits(rule, 'FROM alpine:3\nLABEL a="" b=1\nLABEL c=\'\'\n')).toEqual([2, 3]);
  });

  test('quiet: values, including variables', async () => {
    expect(await hits(rule, 'FROM alpine:3\nLABEL a=1 b="x y" c=$V\n')).toEqual([]);
  });
});
