import { describe, expect, test } from '@jest/globals';
import { dockerfile, hits } from '../helpers.js';
import { defaultConfig } from '../../src/core/config.js';

const withTrusted = (trustedRegistries: string[]) => ({ config: { ...defaultConfig(), trustedRegistries } });

describe('untrusted-registry', () => {
  const text = dockerfile`
    FROM ghcr.io/acme/builder:1 AS build
    FROM quay.io/acme/tool:2 AS tool
    FROM build AS test
    FROM eu.gcr.io/distroless/static
    FROM node:20-slim
  `;

  test('fires on registries not in the list; Docker Hub images count as docker.io', async () => {
    expect(await hits('untrusted-registry', text, withTrusted(['ghcr.io', '*.gcr.io']))).toEqual([2, 5]);
  });

  test('quiet without a trusted list, on stages, scratch, and unresolved ARGs', async () => {
    expect(await hits('untrusted-registry', text)).toEqual([]);
    expect(await hits('untrusted-registry', 'ARG IMG\nFROM $IMG\nFROM scratch\n', withTrusted(['ghcr.io']))).toEqual([]);
    expect(await hits('untrusted-registry', 'FROM docker.io/library/alpine:3\nFROM index.docker.io/alpine\n', withTrusted(['docker.io']))).toEqual([]);
  });
});
