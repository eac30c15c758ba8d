import { describe } from '@jest/globals';
import rule from '../../rules/latest-base-image.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: version tags, :latest pinned by a digest, untagged (reported by untagged-base-image)',
        code: 'FROM alpine:3.19\nFROM alpine:latest@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1\nFROM debian\n',
      },
    ],
    invalid: [
      {
        name: 'fires on :latest, also through a global ARG default',
        code: 'ARG TAG=latest\nFROM alpine:latest\nFROM node:${TAG}\n',
        findings: [2, 3],
      },
    ],
  });
});
