import { describe, expect, test } from '@jest/globals';
import { dockerfile, hits } from '../helpers.js';

const rule = 'unused-stage';
const text = dockerfile`
  FROM node:20 AS deps
  FROM node:20 AS build
  COPY --from=deps /app/node_modules ./node_modules
  FROM node:20 AS debug
  FROM node:20-slim AS final
  COPY --from=build /app/dist ./dist
`;

describe(rule, () => {
  test('fires on a stage the target does not reach', async () => {
    expect(await hits(rule, text)).toEqual([4]);
  });

  test('--target changes what is used', async () => {
    expect(await hits(rule, text, { target: 'debug' })).toEqual([1, 2, 5]);
  });

  test('quiet: every stage reached through FROM or COPY --from', async () => {
    expect(await hits(rule, 'FROM node:20 AS base\nFROM base AS build\nFROM alpine\nCOPY --from=build /a /a\n')).toEqual([]);
  });
});
