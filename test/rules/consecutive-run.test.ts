import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'consecutive-run';

describe(rule, () => {
  test('fires on adjacent short RUNs with the same flags, comments between them included', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN mkdir /a\n# then\nRUN chown 1 /a\n')).toEqual([4]);
  });

  test('quiet: another instruction between, different mounts, more than two commands, heredocs', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN mkdir /a\nENV X=1\nRUN chown 1 /a\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache make\nRUN make install\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nRUN a && b && c\nRUN d\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nRUN <<EOF\nmkdir /a\nEOF\nRUN chown 1 /a\n')).toEqual([]);
  });

  test('only where the layers ship: a builder stage is quiet, a base stage of the final image is not', async () => {
    expect(await hits(rule, 'FROM node:20 AS build\nRUN npm ci\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12 AS base\nRUN mkdir /a\nRUN chown 1 /a\nFROM base\nCMD ["true"]\n')).toEqual([3]);
  });
});
