import { describe } from '@jest/globals';
import rule from '../../rules/untagged-base-image.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: tags, digests, stages, scratch, ARG-built names',
        code: [
          'FROM debian:12 AS build',
          'FROM alpine@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1',
          'FROM build',
          'FROM scratch',
          'ARG IMG',
          'FROM $IMG',
        ]
          .join('\n')
          .replace('ARG IMG\nFROM $IMG', 'FROM ${IMG}'),
      },
    ],
    invalid: [
      {
        name: 'fires on an image with neither tag nor digest, registry ports included',
        code: 'FROM debian\nFROM localhost:5000/team/app\n',
        findings: [1, 2],
      },
    ],
  });
});
