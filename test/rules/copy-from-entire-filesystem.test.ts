import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'copy-from-entire-filesystem';

describe(rule, () => {
  test('fires on COPY --from=<stage> / … of a stage that builds on an operating system', async () => {
    expect(await hits(rule, 'FROM golang:1 AS build\nRUN go build -o /out/app .\nFROM debian:12\nCOPY --from=build / /\nCOPY --from=build /. /rootfs/\n')).toEqual([4, 5]);
  });

  test('fires when the RUN is in a stage the copied one builds on', async () => {
    expect(await hits(rule, 'FROM debian:12 AS base\nRUN apt-get update\nFROM base AS build\nCOPY . /src\nFROM debian:12\nCOPY --from=build / /\n')).toEqual([6]);
  });

  test('quiet: specific paths, context copies of /', async () => {
    expect(await hits(rule, 'FROM golang:1 AS build\nRUN go build\nFROM debian:12\nCOPY --from=build /out/app /app\nCOPY / /src/\n')).toEqual([]);
  });

  // docker/awesome-compose (COPY --from=gloursdocker/docker / /) and vaultwarden (FROM tonistiigi/xx AS xx,
  // COPY --from=xx / /): images made to be copied whole, whose content this file does not show.
  test('quiet: an image named directly, a stage that only renames an image, a stage assembled from scratch', async () => {
    expect(await hits(rule, 'FROM python:3.12 AS dev\nCOPY --from=gloursdocker/docker / /\n')).toEqual([]);
    expect(await hits(rule, 'FROM tonistiigi/xx AS xx\nFROM rust:1 AS build\nCOPY --from=xx / /\nRUN cargo build\n')).toEqual([]);
    expect(await hits(rule, 'FROM scratch AS rootfs\nCOPY app /app\nFROM debian:12\nCOPY --from=rootfs / /\n')).toEqual([]);
  });
});
