import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'invalid-default-arg-in-from';

describe(rule, () => {
  test('fires when the defaults give an empty or invalid reference', async () => {
    expect(await hits(rule, 'ARG TAG\nFROM alpine:${TAG}\n')).toEqual([2]);
    expect(await hits(rule, 'ARG IMAGE\nFROM ${IMAGE}\n')).toEqual([2]);
    expect(await hits(rule, 'ARG REPO=Acme\nFROM ${REPO}/app:1\n')).toEqual([2]);
  });

  test('quiet: defaults that give a valid reference or a stage, :- defaults, platform ARGs, undeclared ARGs', async () => {
    const text = 'ARG TAG=3.20\nARG REG=ghcr.io:443\nARG V\nFROM alpine:${TAG} AS base\nFROM ${REG}/acme/app:${TAG}\nFROM alpine:${V:-3}\nFROM base${V}\nFROM build_${TARGETARCH}\nFROM ${UNDECLARED}\n';
    expect(await hits(rule, text)).toEqual([]);
  });
});
