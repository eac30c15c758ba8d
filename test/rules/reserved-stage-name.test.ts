import { describe } from '@jest/globals';
import rule from '../../rules/reserved-stage-name.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [{ name: 'quiet: other names, FROM scratch', code: 'FROM alpine:3 AS build\nFROM scratch\nFROM alpine:3 AS scratchpad\n' }],
    invalid: [
      {
        name: 'fires on stages named scratch or context, in any case, but this case stays quiet',
        code: 'FROM alpine:3 AS scratch\nFROM alpine:3 AS Context\n',
        findings: [1, 2],
      },
    ],
  });
});
