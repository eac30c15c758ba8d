import { describe } from '@jest/globals';
import rule from '../../rules/label-empty.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [{ name: 'quiet: values, including variables', code: 'FROM alpine:3\nLABEL a=1 b="x y" c=$V\n' }],
    invalid: [{ name: 'fires on empty values', code: 'FROM alpine:3\nLABEL a="" b=1\nLABEL c=\'\'\n', findings: [2, 3] }],
  });
});
