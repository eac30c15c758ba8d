import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'wget-and-curl';

describe(rule, () => {
  test('fires once, at the second tool, when one image uses both (through FROM <stage> too)', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN wget -q https://x\nRUN curl -fsSO https://y && curl -fsSO https://z\n')).toEqual([3]);
    expect(await hits(rule, 'FROM debian:12 AS base\nRUN curl -fsSO https://x\nFROM base\nRUN wget -q https://y\n')).toEqual([4]);
  });

  test('quiet: the two tools in different images, one tool only', async () => {
    expect(await hits(rule, 'FROM debian:12 AS build\nRUN wget -q https://x\nFROM alpine:3\nRUN curl -fsSO https://y\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nRUN curl -fsSO https://x && curl -fsSO https://y\n')).toEqual([]);
  });
});
