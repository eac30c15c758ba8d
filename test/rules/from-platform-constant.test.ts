import { describe } from '@jest/globals';
import rule from '../../rules/from-platform-constant.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: variables, a stage named for its platform, no flag',
        code: 'FROM --platform=$BUILDPLATFORM golang:1 AS build\nFROM --platform=linux/amd64 alpine:3 AS build_amd64\nFROM --platform=linux/arm64 alpine:3 AS build-arm64\nFROM alpine:3\n',
      },
    ],
    invalid: [
      {
        name: 'fires on a constant platform',
        code: 'FROM --platform=linux/amd64 alpine:3 AS base\nFROM --platform=linux/arm64/v8 debian:12\n',
        findings: [1, 2],
      },
    ],
  });
});
