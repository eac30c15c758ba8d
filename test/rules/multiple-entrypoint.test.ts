import { describe } from '@jest/globals';
import rule from '../../rules/multiple-entrypoint.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [{ name: 'quiet: one per stage', code: 'FROM alpine AS a\nENTRYPOINT ["a"]\nFROM a\nENTRYPOINT ["b"]\n' }],
    invalid: [
      {
        name: 'fires on every ENTRYPOINT but the last in a stage, but this case stays quiet',
        code: 'FROM alpine\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]\n',
        findings: [2, 3],
      },
    ],
  });
});
