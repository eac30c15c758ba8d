import { describe } from '@jest/globals';
import rule from '../../rules/consecutive-run.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: another instruction between, different mounts, more than two commands, heredocs (1)',
        code: 'FROM debian:12\nRUN mkdir /a\nENV X=1\nRUN chown 1 /a\n',
      },
      {
        name: 'quiet: another instruction between, different mounts, more than two commands, heredocs (2)',
        code: 'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache make\nRUN make install\n',
      },
      {
        name: 'quiet: another instruction between, different mounts, more than two commands, heredocs (3)',
        code: 'FROM debian:12\nRUN a && b && c\nRUN d\n',
      },
      {
        name: 'quiet: another instruction between, different mounts, more than two commands, heredocs (4)',
        code: 'FROM debian:12\nRUN <<EOF\nmkdir /a\nEOF\nRUN chown 1 /a\n',
      },
      {
        name: 'only where the layers ship: a builder stage is quiet, a base stage of the final image is not (1)',
        code: 'FROM node:20 AS build\nRUN npm ci\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      },
    ],
    invalid: [
      {
        name: 'fires on adjacent short RUNs with the same flags, comments between them included',
        code: 'FROM debian:12\nRUN mkdir /a\n# then\nRUN chown 1 /a\n',
        findings: [4],
      },
      {
        name: 'only where the layers ship: a builder stage is quiet, a base stage of the final image is not (2)',
        code: 'FROM debian:12 AS base\nRUN mkdir /a\nRUN chown 1 /a\nFROM base\nCMD ["true"]\n',
        findings: [3],
      },
    ],
  });
});

describe("consecutive-run: the fix (unsafe: the second RUN then shares the first one's shell)", () => {
  ruleTester(rule, {
    invalid: [
      {
        name: 'joins the two RUNs',
        code: 'FROM debian:12\nRUN mkdir /a\nRUN chown 1 /a\n',
        findings: [3],
        output: 'FROM debian:12\nRUN mkdir /a \\\n    && chown 1 /a\n',
      },
    ],
  });
});
