import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'latest-base-image';

describe(rule, () => {
  test('fires on :latest, also through a global ARG default', async () => {
    expect(await hits(rule, 'ARG TAG=latest\nFROM alpine:latest\nFROM node:${TAG}\n')).toEqual([2, 3]);
  });

  test('quiet: version tags, :latest pinned by a digest, untagged (reported by untagged-base-image)', async () => {
    expect(await hits(rule, 'FROM alpine:3.19\nFROM alpine:latest@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1\nFROM debian\n')).toEqual([]);
  });
});
