import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'copy-relative-dest-without-workdir';

describe(rule, () => {
  test('fires on relative destinations before any WORKDIR of the stage', async () => {
    expect(await hits(rule, 'FROM python:3\nCOPY app.py .\nADD x app/\nWORKDIR /app\nCOPY y .\nFROM python:3\nCOPY z ./\n')).toEqual([2, 3, 7]);
  });

  test('quiet: absolute destinations, variables, a WORKDIR inherited from the base stage', async () => {
    expect(await hits(rule, 'FROM python:3 AS base\nCOPY a /app/\nCOPY b $DEST\nCOPY c C:/x\nWORKDIR /app\nFROM base\nCOPY d .\n')).toEqual([]);
  });
});

describe(`${rule}: only where the files would land in /`, () => {
  // Shaped like searxng's Dockerfile: FROM docker.io/searxng/base:searxng, whose own WORKDIR is /usr/local/searxng.
  test('quiet for base images that set a WORKDIR of their own, or whose WORKDIR is not known', async () => {
    expect(await hits(rule, 'FROM docker.io/searxng/base:searxng-builder AS builder\nCOPY ./requirements.txt ./\nFROM docker.io/searxng/base:searxng\nCOPY --from=builder /usr/local/searxng/.venv/ ./.venv/\n')).toEqual([]);
    expect(await hits(rule, 'FROM php:8.3-apache\nCOPY src/ .\n')).toEqual([]);
  });

  test('fires for an official image with no WORKDIR, also through FROM <stage>', async () => {
    expect(await hits(rule, 'FROM docker.io/library/node:22 AS base\nRUN npm i -g pnpm\nFROM base\nCOPY . .\n')).toEqual([4]);
  });
});
