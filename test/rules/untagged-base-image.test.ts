import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'untagged-base-image';

describe(rule, () => {
  test('fires on an image with neither tag nor digest, registry ports included', async () => {
    expect(await hits(rule, 'FROM debian\nFROM localhost:5000/team/app\n')).toEqual([1, 2]);
  });

  test('quiet: tags, digests, stages, scratch, ARG-built names', async () => {
    expect(await hits(rule, [
      'FROM debian:12 AS build',
      'FROM alpine@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1',
      'FROM build',
      'FROM scratch',
      'ARG IMG',
      'FROM $IMG',
    ].join('\n').replace('ARG IMG\nFROM $IMG', 'FROM ${IMG}'))).toEqual([]);
  });
});
