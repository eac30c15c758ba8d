import { describe } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import { defaultConfig } from '../../src/core/config.js';
import rule from '../../rules/untrusted-registry.js';
import { ruleTester } from '../rule-tester.js';

const withTrusted = (trustedRegistries: string[]) => ({ config: { ...defaultConfig(), trustedRegistries } });

describe('untrusted-registry', () => {
  const text = dockerfile`
    FROM ghcr.io/acme/builder:1 AS build
    FROM quay.io/acme/tool:2 AS tool
    FROM build AS test
    FROM eu.gcr.io/distroless/static
    FROM node:20-slim
  `;
  ruleTester(rule, {
    valid: [
      { name: 'quiet without a trusted list, on stages, scratch, and unresolved ARGs (1)', code: text },
      {
        name: 'quiet without a trusted list, on stages, scratch, and unresolved ARGs (2)',
        code: 'ARG IMG\nFROM $IMG\nFROM scratch\n',
        options: withTrusted(['ghcr.io']),
      },
      {
        name: 'quiet without a trusted list, on stages, scratch, and unresolved ARGs (3)',
        code: 'FROM docker.io/library/alpine:3\nFROM index.docker.io/alpine\n',
        options: withTrusted(['docker.io']),
      },
    ],
    invalid: [
      {
        name: 'fires on registries not in the list; Docker Hub images count as docker.io',
        code: text,
        options: withTrusted(['ghcr.io', '*.gcr.io']),
        findings: [2, 5],
      },
    ],
  });
});
