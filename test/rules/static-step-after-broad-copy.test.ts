import { describe } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/static-step-after-broad-copy.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: the RUN uses the copied files or does real work on them (1)',
        code: dockerfile`
      FROM debian:12
      COPY . /app
      RUN apt-get update && xargs -a /app/packages.txt apt-get install -y
      RUN make -C /app
      RUN pip install -r /app/requirements.txt
      RUN mkdir -p /app/data
    `,
      },
      {
        name: 'quiet: the RUN uses the copied files or does real work on them (2)',
        code: 'FROM debian:12\nWORKDIR /app\nCOPY . .\nRUN apt-get update && xargs -a packages.txt apt-get install -y\n',
      },
      {
        name: 'quiet: the install comes before the COPY, or the COPY is not broad (1)',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\n',
      },
      {
        name: 'quiet: the install comes before the COPY, or the COPY is not broad (2)',
        code: 'FROM debian:12\nCOPY nginx.conf /etc/nginx/\nRUN apt-get update && apt-get install -y nginx\n',
      },
    ],
    invalid: [
      {
        name: 'fires on system package installs and tool downloads after a broad COPY',
        code: dockerfile`
      FROM debian:12
      COPY . /app
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      RUN apk add --no-cache git
      RUN curl -fsSL -o /usr/local/bin/tool https://example.com/tool && chmod +x /usr/local/bin/tool
      RUN npm install -g pnpm@9
    `,
        findings: [3, 4, 5, 6],
      },
      {
        name: 'fires on a download and a user creation',
        code: 'FROM alpine:3.19\nCOPY src /src\nRUN wget -q https://x.io/a.tgz -P /opt && useradd app\n',
        findings: [3],
      },
    ],
  });
});

describe(`${rule}: advice stays inside one stage`, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet when the broad COPY is in a parent stage',
        code: dockerfile`
      FROM python:3.10-alpine AS builder
      WORKDIR /app
      COPY requirements.txt /app
      RUN pip3 install -r requirements.txt
      COPY . /app
      CMD ["app.py"]

      FROM builder AS dev-envs
      RUN apk add --no-cache git
    `,
      },
    ],
    invalid: [
      {
        name: 'still fires for a broad COPY of the same child stage',
        code: dockerfile`
      FROM python:3.10-alpine AS base
      WORKDIR /app

      FROM base AS dev
      COPY . /app
      RUN apk add --no-cache git
    `,
        findings: [6],
      },
    ],
  });
});

describe('static-step-after-broad-copy: the fix', () => {
  ruleTester(rule, {
    invalid: [
      {
        name: 'moves the RUN above the COPY',
        code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
        findings: [5],
        output: 'FROM node:20\nWORKDIR /app\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCOPY . .\nRUN npm ci\n',
      },
      {
        name: 'no edit past a USER between them: the RUN would run as another user',
        code: 'FROM node:20\nCOPY . /app\nUSER node\nRUN curl -fsSL https://example.com/tool -o /tmp/tool\n',
        findings: [4],
        output: null,
      },
    ],
  });
});
