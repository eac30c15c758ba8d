import { describe } from '@jest/globals';
import rule from '../../rules/last-user-root.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      { name: 'reads the user as Docker does: quoted, or through an ARG (3)', code: 'FROM node:22\nUSER "node"\n' },
      {
        name: 'quiet: root only in a builder stage, switched back, no USER at all, a non-root user named like root (1)',
        code: 'FROM golang:1.23 AS build\nUSER root\nFROM debian:12\nCOPY --from=build /x /x\n',
      },
      {
        name: 'quiet: root only in a builder stage, switched back, no USER at all, a non-root user named like root (2)',
        code: 'FROM node:22\nUSER root\nRUN npm i -g x@1\nUSER node\n',
      },
      {
        name: 'quiet: root only in a builder stage, switched back, no USER at all, a non-root user named like root (3)',
        code: 'FROM node:22\nRUN true\n',
      },
      {
        name: 'quiet: root only in a builder stage, switched back, no USER at all, a non-root user named like root (4)',
        code: 'FROM node:22\nUSER rootless\n',
      },
    ],
    invalid: [
      {
        name: 'fires when the final image ends on USER root or USER 0[:group] (1)',
        code: 'FROM node:22\nUSER node\nRUN true\nUSER root\n',
        findings: [4],
      },
      { name: 'fires when the final image ends on USER root or USER 0[:group] (2)', code: 'FROM node:22\nUSER 0:0\n', findings: [2] },
      { name: 'reads the user as Docker does: quoted, or through an ARG (1)', code: 'FROM node:22\nUSER "root"\n', findings: [2] },
      {
        name: 'reads the user as Docker does: quoted, or through an ARG (2)',
        code: 'FROM node:22\nARG RUN_AS=root\nUSER ${RUN_AS}\n',
        findings: [3],
      },
      {
        name: 'inherits through FROM <stage>: a root USER in the base stage counts if the final stage sets none',
        code: 'FROM node:22 AS base\nUSER root\nFROM base\nRUN true\n',
        findings: [2],
      },
    ],
  });
});
