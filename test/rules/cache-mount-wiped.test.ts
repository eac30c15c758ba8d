import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'cache-mount-wiped';

describe(rule, () => {
  test('fires when a RUN deletes inside its own cache mount', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n')).toEqual([2]);
    expect(await hits(rule, 'FROM node:20\nRUN --mount=type=cache,target=/root/.npm npm ci && npm cache clean --force\n')).toEqual([2]);
  });

  test('quiet: deletions outside the mount, or no cache mount', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nRUN --mount=type=bind,target=/src make -C /src && rm -rf /src/build\n')).toEqual([]);
  });
});
