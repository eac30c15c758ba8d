import { describe, expect, test } from '@jest/globals';
import { hits, parse } from '../helpers.js';

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

describe('invalid-default-arg-in-from: global ARG defaults that use earlier global ARGs', () => {
  // Seen on a real Rails Dockerfile: `ARG TAG=${RUBY_VERSION}-${DEBIAN_RELEASE}-slim`, as BuildKit expands it.
  test('quiet: a default built from earlier global ARGs expands to a valid reference', async () => {
    expect(await hits('invalid-default-arg-in-from', 'ARG RUBY_VERSION=3.3.6\nARG DEBIAN_RELEASE=bookworm\nARG TAG=${RUBY_VERSION}-${DEBIAN_RELEASE}-slim\nFROM ruby:${TAG}\n')).toEqual([]);
    expect(await hits('invalid-default-arg-in-from', 'ARG BASE=ruby\nARG TAG=3-slim\nARG IMAGE=${BASE}:${TAG}\nFROM $IMAGE\n')).toEqual([]);
  });

  test('still fires when the ARG it uses has no default', async () => {
    expect(await hits('invalid-default-arg-in-from', 'ARG VERSION\nARG TAG=${VERSION}\nFROM ruby:${TAG}\n')).toEqual([3]);
  });
});

describe('invalid-default-arg-in-from: as BuildKit reads FROM', () => {
  // jenkinsci/docker: FROM debian:bookworm-"${BOOKWORM_TAG}" builds; BuildKit removes the quotes.
  test('quotes inside the image are removed before the reference is checked', async () => {
    expect(await hits('invalid-default-arg-in-from', 'ARG BOOKWORM_TAG=20250113\nFROM debian:bookworm-"${BOOKWORM_TAG}" AS jre-build\n')).toEqual([]);
    const parsed = await parse('ARG TAG=3.20\nFROM alpine:"${TAG}"\n');
    expect(parsed.stages[0].from.from?.image).toBe('alpine:3.20');
  });

  // gotify/server: ARG X=${TARGETPLATFORM/\//-} and FROM gotify/build:${GO_VERSION}-${X/arm\/v7/arm-7}.
  test('quiet when a substitution is left for the build (pattern replacement, TARGETPLATFORM)', async () => {
    const text = 'ARG GO_VERSION=PLEASE_PROVIDE_GO_VERSION\nARG DASHES=${TARGETPLATFORM/\\//-}\nARG NOTATION=${DASHES/arm\\/v7/arm-7}\nFROM gotify/build:${GO_VERSION}-${NOTATION} AS builder\n';
    expect(await hits('invalid-default-arg-in-from', text)).toEqual([]);
  });
});
