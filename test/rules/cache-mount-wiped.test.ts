import { describe } from '@jest/globals';
import rule from '../../rules/cache-mount-wiped.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: deletions outside the mount, or no cache mount (1)',
        code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      },
      {
        name: 'quiet: deletions outside the mount, or no cache mount (2)',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      },
      {
        name: 'quiet: deletions outside the mount, or no cache mount (3)',
        code: 'FROM debian:12\nRUN --mount=type=bind,target=/src make -C /src && rm -rf /src/build\n',
      },
    ],
    invalid: [
      {
        name: 'fires when a RUN deletes inside its own cache mount (1)',
        code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
        findings: [2],
      },
      {
        name: 'fires when a RUN deletes inside its own cache mount (2)',
        code: 'FROM node:20\nRUN --mount=type=cache,target=/root/.npm npm ci && npm cache clean --force\n',
        findings: [2],
      },
    ],
  });
});
