import { describe } from '@jest/globals';
import rule from '../../rules/onbuild-invalid-trigger.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [{ name: 'quiet: ordinary triggers', code: 'FROM node:22\nONBUILD COPY . /app\nONBUILD RUN npm ci\n' }],
    invalid: [
      {
        name: 'fires on ONBUILD ONBUILD, FROM and MAINTAINER, but this case stays quiet',
        code: 'FROM node:22\nONBUILD ONBUILD RUN x\nONBUILD FROM alpine\nonbuild maintainer me\n',
        findings: [2, 3, 4],
      },
    ],
  });
});
