import { describe, expect, test } from '@jest/globals';
import { parse } from '../helpers.js';
import rule from '../../rules/invalid-default-arg-in-from.js';
import { ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: defaults that give a valid reference or a stage, :- defaults, platform ARGs, undeclared ARGs',
        code: 'ARG TAG=3.20\nARG REG=ghcr.io:443\nARG V\nFROM alpine:${TAG} AS base\nFROM ${REG}/acme/app:${TAG}\nFROM alpine:${V:-3}\nFROM base${V}\nFROM build_${TARGETARCH}\nFROM ${UNDECLARED}\n',
      },
    ],
    invalid: [
      { name: 'fires when the defaults give an empty or invalid reference (1)', code: 'ARG TAG\nFROM alpine:${TAG}\n', findings: [2] },
      { name: 'fires when the defaults give an empty or invalid reference (2)', code: 'ARG IMAGE\nFROM ${IMAGE}\n', findings: [2] },
      { name: 'fires when the defaults give an empty or invalid reference (3)', code: 'ARG REPO=Acme\nFROM ${REPO}/app:1\n', findings: [2] },
    ],
  });
});

describe('invalid-default-arg-in-from: global ARG defaults that use earlier global ARGs', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: a default built from earlier global ARGs expands to a valid reference (1)',
        code: 'ARG RUBY_VERSION=3.3.6\nARG DEBIAN_RELEASE=bookworm\nARG TAG=${RUBY_VERSION}-${DEBIAN_RELEASE}-slim\nFROM ruby:${TAG}\n',
      },
      {
        name: 'quiet: a default built from earlier global ARGs expands to a valid reference (2)',
        code: 'ARG BASE=ruby\nARG TAG=3-slim\nARG IMAGE=${BASE}:${TAG}\nFROM $IMAGE\n',
      },
    ],
    invalid: [{ name: 'still fires when the ARG it uses has no default', code: 'ARG VERSION\nARG TAG=${VERSION}\nFROM ruby:${TAG}\n', findings: [3] }],
  });
});

describe('invalid-default-arg-in-from: as BuildKit reads FROM', () => {
  // jenkinsci/docker: FROM debian:bookworm-"${BOOKWORM_TAG}" builds; BuildKit removes the quotes.
  test('quotes inside the image are removed before the reference is checked', async () => {
    expect(await ruleHits(rule, 'ARG BOOKWORM_TAG=20250113\nFROM debian:bookworm-"${BOOKWORM_TAG}" AS jre-build\n')).toEqual([]);
    const parsed = await parse('ARG TAG=3.20\nFROM alpine:"${TAG}"\n');
    expect(parsed.stages[0].from.from?.image).toBe('alpine:3.20');
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet when a substitution is left for the build (pattern replacement, TARGETPLATFORM), but this case fires',
        code: 'ARG GO_VERSION=PLEASE_PROVIDE_GO_VERSION\nARG DASHES=${TARGETPLATFORM/\\//-}\nARG NOTATION=${DASHES/arm\\/v7/arm-7}\nFROM gotify/build:${GO_VERSION}-${NOTATION} AS builder\n',
      },
    ],
  });
});
