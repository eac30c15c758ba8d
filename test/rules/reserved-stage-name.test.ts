import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'reserved-stage-name';

describe(rule, () => {
  test('fires on stages named scratch or context, in any case', async () => {
    expect(await hits(rule, 'FROM alpine:3 AS scratch\nFROM alpine:3 AS Context\n')).toEqual([1, 2]);
  });

  test('quiet: other names, FROM scratch', async () => {
    expect(await hits(rule, 'FROM alpine:3 AS build\nFROM scratch\nFROM alpine:3 AS scratchpad\n')).toEqual([]);
  });
});
