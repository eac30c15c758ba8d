import { describe } from '@jest/globals';
import rule from '../../rules/stage-name-casing.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [{ name: 'quiet: lowercase names, unnamed stages', code: 'FROM alpine:3 AS build-1\nFROM alpine:3\n' }],
    invalid: [{ name: 'fires on stage names with uppercase letters', code: 'FROM alpine:3 AS Build\nFROM alpine:3 AS RUNTIME\n', findings: [1, 2] }],
  });
});
