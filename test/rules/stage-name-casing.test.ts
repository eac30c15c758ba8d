import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'stage-name-casing';

describe(rule, () => {
  test('fires on stage names with uppercase letters', async () => {
    expect(await hits(rule, 'FROM alpine:3 AS Build\nFROM alpine:3 AS RUNTIME\n')).toEqual([1, 2]);
  });

  test('quiet: lowercase names, unnamed stages', async () => {
    expect(await hits(rule, 'FROM alpine:3 AS build-1\nFROM alpine:3\n')).toEqual([]);
  });
});
