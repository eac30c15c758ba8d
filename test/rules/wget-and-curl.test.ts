import { describe } from '@jest/globals';
import rule from '../../rules/wget-and-curl.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: the two tools in different images, one tool only (1)',
        code: 'FROM debian:12 AS build\nRUN wget -q https://x\nFROM alpine:3\nRUN curl -fsSO https://y\n',
      },
      {
        name: 'quiet: the two tools in different images, one tool only (2)',
        code: 'FROM debian:12\nRUN curl -fsSO https://x && curl -fsSO https://y\n',
      },
    ],
    invalid: [
      {
        name: 'fires once, at the second tool, when one image uses both (through FROM <stage> too) (1)',
        code: 'FROM debian:12\nRUN wget -q https://x\nRUN curl -fsSO https://y && curl -fsSO https://z\n',
        findings: [3],
      },
      {
        name: 'fires once, at the second tool, when one image uses both (through FROM <stage> too) (2)',
        code: 'FROM debian:12 AS base\nRUN curl -fsSO https://x\nFROM base\nRUN wget -q https://y\n',
        findings: [4],
      },
    ],
  });
});
