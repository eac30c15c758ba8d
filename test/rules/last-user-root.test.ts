import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'last-user-root';

describe(rule, () => {
  test('fires when the final image ends on USER root or USER 0[:group]', async () => {
    expect(await hits(rule, 'FROM node:22\nUSER node\nRUN true\nUSER root\n')).toEqual([4]);
    expect(await hits(rule, 'FROM node:22\nUSER 0:0\n')).toEqual([2]);
  });

  test('reads the user as Docker does: quoted, or through an ARG', async () => {
    expect(await hits(rule, 'FROM node:22\nUSER "root"\n')).toEqual([2]);
    expect(await hits(rule, 'FROM node:22\nARG RUN_AS=root\nUSER ${RUN_AS}\n')).toEqual([3]);
    expect(await hits(rule, 'FROM node:22\nUSER "node"\n')).toEqual([]);
  });

  test('inherits through FROM <stage>: a root USER in the base stage counts if the final stage sets none', async () => {
    expect(await hits(rule, 'FROM node:22 AS base\nUSER root\nFROM base\nRUN true\n')).toEqual([2]);
  });

  test('quiet: root only in a builder stage, switched back, no USER at all, a non-root user named like root', async () => {
    expect(await hits(rule, 'FROM golang:1.23 AS build\nUSER root\nFROM debian:12\nCOPY --from=build /x /x\n')).toEqual([]);
    expect(await hits(rule, 'FROM node:22\nUSER root\nRUN npm i -g x@1\nUSER node\n')).toEqual([]);
    expect(await hits(rule, 'FROM node:22\nRUN true\n')).toEqual([]);
    expect(await hits(rule, 'FROM node:22\nUSER rootless\n')).toEqual([]);
  });
});
