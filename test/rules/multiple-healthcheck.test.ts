import { describe } from '@jest/globals';
import rule from '../../rules/multiple-healthcheck.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [{ name: 'quiet: one per stage, across stages', code: 'FROM nginx:1 AS a\nHEALTHCHECK CMD true\nFROM a\nHEALTHCHECK CMD false\n' }],
    invalid: [
      {
        name: 'fires on every overridden HEALTHCHECK of a stage, but this case stays quiet',
        code: 'FROM nginx:1\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\nHEALTHCHECK CMD curl -f localhost\n',
        findings: [2, 3],
      },
    ],
  });
});
