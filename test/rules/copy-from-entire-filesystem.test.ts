import { describe } from '@jest/globals';
import rule from '../../rules/copy-from-entire-filesystem.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: specific paths, context copies of /',
        code: 'FROM golang:1 AS build\nRUN go build\nFROM debian:12\nCOPY --from=build /out/app /app\nCOPY / /src/\n',
      },
      {
        name: 'quiet: an image named directly, a stage that only renames an image, a stage assembled from scratch (1)',
        code: 'FROM python:3.12 AS dev\nCOPY --from=gloursdocker/docker / /\n',
      },
      {
        name: 'quiet: an image named directly, a stage that only renames an image, a stage assembled from scratch (2)',
        code: 'FROM tonistiigi/xx AS xx\nFROM rust:1 AS build\nCOPY --from=xx / /\nRUN cargo build\n',
      },
      {
        name: 'quiet: an image named directly, a stage that only renames an image, a stage assembled from scratch (3)',
        code: 'FROM scratch AS rootfs\nCOPY app /app\nFROM debian:12\nCOPY --from=rootfs / /\n',
      },
    ],
    invalid: [
      {
        name: 'fires on COPY --from=<stage> / … of a stage that builds on an operating system',
        code: 'FROM golang:1 AS build\nRUN go build -o /out/app .\nFROM debian:12\nCOPY --from=build / /\nCOPY --from=build /. /rootfs/\n',
        findings: [4, 5],
      },
      {
        name: 'fires when the RUN is in a stage the copied one builds on',
        code: 'FROM debian:12 AS base\nRUN apt-get update\nFROM base AS build\nCOPY . /src\nFROM debian:12\nCOPY --from=build / /\n',
        findings: [6],
      },
    ],
  });
});
