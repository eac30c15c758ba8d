import { describe } from '@jest/globals';
import rule from '../../rules/sh-c-entrypoint-with-cmd.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: the script reads "$@" or $0, no CMD, or not sh -c (1)',
        code: 'FROM alpine\nENTRYPOINT ["sh", "-c", "exec \\"$0\\" \\"$@\\""]\nCMD ["node"]\n',
      },
      { name: 'quiet: the script reads "$@" or $0, no CMD, or not sh -c (2)', code: 'FROM alpine\nENTRYPOINT ["sh", "-c", "echo hello"]\n' },
      { name: 'quiet: the script reads "$@" or $0, no CMD, or not sh -c (3)', code: 'FROM alpine\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["world"]\n' },
    ],
    invalid: [
      {
        name: 'fires when CMD words would become $0 $1 of a script that ignores them',
        code: 'FROM alpine\nENTRYPOINT ["sh", "-c", "echo hello"]\nCMD ["world"]\n',
        findings: [2],
      },
    ],
  });
});
