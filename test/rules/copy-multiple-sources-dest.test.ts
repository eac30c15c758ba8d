import { describe } from '@jest/globals';
import rule from '../../rules/copy-multiple-sources-dest.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: one source, trailing slash, . and .., variables',
        code: 'FROM alpine:3\nCOPY a /app\nCOPY a b /app/\nWORKDIR /w\nCOPY a b .\nCOPY a b ..\nCOPY a b $DEST\n',
      },
    ],
    invalid: [
      {
        name: 'fires when several sources go to a destination without a trailing slash',
        code: 'FROM alpine:3\nCOPY a b /app\nADD x y z dir\nCOPY ["a", "b", "/c"]\n',
        findings: [2, 3, 4],
      },
    ],
  });
});
