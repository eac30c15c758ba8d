import { describe } from '@jest/globals';
import rule from '../../rules/copy-relative-dest-without-workdir.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: absolute destinations, variables, a WORKDIR inherited from the base stage',
        code: 'FROM python:3 AS base\nCOPY a /app/\nCOPY b $DEST\nCOPY c C:/x\nWORKDIR /app\nFROM base\nCOPY d .\n',
      },
    ],
    invalid: [
      {
        name: 'fires on relative destinations before any WORKDIR of the stage',
        code: 'FROM python:3\nCOPY app.py .\nADD x app/\nWORKDIR /app\nCOPY y .\nFROM python:3\nCOPY z ./\n',
        findings: [2, 3, 7],
      },
    ],
  });
});

describe(`${rule}: only where the files would land in /`, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet for base images that set a WORKDIR of their own, or whose WORKDIR is not known (1)',
        code: 'FROM docker.io/searxng/base:searxng-builder AS builder\nCOPY ./requirements.txt ./\nFROM docker.io/searxng/base:searxng\nCOPY --from=builder /usr/local/searxng/.venv/ ./.venv/\n',
      },
      {
        name: 'quiet for base images that set a WORKDIR of their own, or whose WORKDIR is not known (2)',
        code: 'FROM php:8.3-apache\nCOPY src/ .\n',
      },
    ],
    invalid: [
      {
        name: 'fires for an official image with no WORKDIR, also through FROM <stage>',
        code: 'FROM docker.io/library/node:22 AS base\nRUN npm i -g pnpm\nFROM base\nCOPY . .\n',
        findings: [4],
      },
    ],
  });
});
