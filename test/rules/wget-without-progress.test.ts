import { describe } from '@jest/globals';
import rule from '../../rules/wget-without-progress.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: --progress, -q, -qO-, -nv, a log file, curl',
        code: 'FROM debian:12\nRUN wget --progress=dot:giga https://x && wget -q https://x && wget -qO- https://x\nRUN wget -nv https://x && wget -o log https://x && curl -O https://x\n',
      },
    ],
    invalid: [
      {
        name: 'fires on wget with its default progress output',
        code: 'FROM debian:12\nRUN wget https://x/y.tgz\nRUN wget -O /tmp/y https://x/y\n',
        findings: [2, 3],
      },
    ],
  });
});

describe('wget-without-progress: BusyBox wget has no --progress', () => {
  ruleTester(rule, {
    valid: [
      { name: "Alpine's wget is BusyBox's: the advice would break the build", code: 'FROM alpine:3.20\nRUN wget -O /tmp/x https://example.com/x\n' },
      { name: 'a stage built on an Alpine stage', code: 'FROM alpine:3.20 AS base\nFROM base\nRUN wget -O /tmp/x https://example.com/x\n' },
    ],
    invalid: [
      {
        name: 'GNU wget installed with apk: the fix applies',
        code: 'FROM alpine:3.20\nRUN apk add --no-cache wget && wget -O /tmp/x https://example.com/x\n',
        findings: [2],
        output: 'FROM alpine:3.20\nRUN apk add --no-cache wget && wget --progress=dot:giga -O /tmp/x https://example.com/x\n',
      },
    ],
  });
});
