import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'duplicate-stage-name';

describe(rule, () => {
  test('fires on a repeated name, case-insensitively', async () => {
    expect(await hits(rule, 'FROM alpine AS build\nFROM alpine AS test\nFROM alpine AS Build\n')).toEqual([3]);
  });

  test('quiet: distinct names, unnamed stages', async () => {
    expect(await hits(rule, 'FROM alpine AS build\nFROM alpine AS builder\nFROM alpine\nFROM alpine\n')).toEqual([]);
  });
});
