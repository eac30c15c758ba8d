import { describe } from '@jest/globals';
import rule from '../../rules/duplicate-stage-name.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [{ name: 'quiet: distinct names, unnamed stages', code: 'FROM alpine AS build\nFROM alpine AS builder\nFROM alpine\nFROM alpine\n' }],
    invalid: [
      {
        name: 'fires on a repeated name, case-insensitively, but this case stays quiet',
        code: 'FROM alpine AS build\nFROM alpine AS test\nFROM alpine AS Build\n',
        findings: [3],
      },
    ],
  });
});
