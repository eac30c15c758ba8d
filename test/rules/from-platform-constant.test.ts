import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'from-platform-constant';

describe(rule, () => {
  test('fires on a constant platform', async () => {
    expect(await hits(rule, 'FROM --platform=linux/amd64 alpine:3 AS base\nFROM --platform=linux/arm64/v8 debian:12\n')).toEqual([1, 2]);
  });

  test('quiet: variables, a stage named for its platform, no flag', async () => {
    expect(await hits(rule, 'FROM --platform=$BUILDPLATFORM golang:1 AS build\nFROM --platform=linux/amd64 alpine:3 AS build_amd64\nFROM --platform=linux/arm64 alpine:3 AS build-arm64\nFROM alpine:3\n')).toEqual([]);
  });
});
