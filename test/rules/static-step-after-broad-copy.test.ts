import { describe, expect, test } from '@jest/globals';
import { dockerfile, hits } from '../helpers.js';

const rule = 'static-step-after-broad-copy';

describe(rule, () => {
  test('fires on system package installs and tool downloads after a broad COPY', async () => {
    expect(await hits(rule, dockerfile`
      FROM debian:12
      COPY . /app
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      RUN apk add --no-cache git
      RUN curl -fsSL -o /usr/local/bin/tool https://example.com/tool && chmod +x /usr/local/bin/tool
      RUN npm install -g pnpm@9
    `)).toEqual([3, 4, 5, 6]);
  });

  test('fires on a download and a user creation', async () => {
    expect(await hits(rule, 'FROM alpine:3.19\nCOPY src /src\nRUN wget -q https://x.io/a.tgz -P /opt && useradd app\n')).toEqual([3]);
  });

  test('quiet: the RUN uses the copied files or does real work on them', async () => {
    expect(await hits(rule, dockerfile`
      FROM debian:12
      COPY . /app
      RUN apt-get update && xargs -a /app/packages.txt apt-get install -y
      RUN make -C /app
      RUN pip install -r /app/requirements.txt
      RUN mkdir -p /app/data
    `)).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nWORKDIR /app\nCOPY . .\nRUN apt-get update && xargs -a packages.txt apt-get install -y\n')).toEqual([]);
  });

  test('quiet: the install comes before the COPY, or the COPY is not broad', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nCOPY nginx.conf /etc/nginx/\nRUN apt-get update && apt-get install -y nginx\n')).toEqual([]);
  });
});

describe(`${rule}: advice stays inside one stage`, () => {
  // Shaped like docker/awesome-compose flask/app/Dockerfile: a dev stage built FROM the stage that
  // copies the sources. "Move this RUN above the COPY" would move it into the parent stage, and so
  // into the production image too.
  test('quiet when the broad COPY is in a parent stage', async () => {
    expect(await hits(rule, dockerfile`
      FROM python:3.10-alpine AS builder
      WORKDIR /app
      COPY requirements.txt /app
      RUN pip3 install -r requirements.txt
      COPY . /app
      CMD ["app.py"]

      FROM builder AS dev-envs
      RUN apk add --no-cache git
    `)).toEqual([]);
  });

  test('still fires for a broad COPY of the same child stage', async () => {
    expect(await hits(rule, dockerfile`
      FROM python:3.10-alpine AS base
      WORKDIR /app

      FROM base AS dev
      COPY . /app
      RUN apk add --no-cache git
    `)).toEqual([6]);
  });
});
