import { describe, expect, test } from '@jest/globals';
import { dockerfile, findings, hits } from '../helpers.js';

const rule = 'unused-stage';
const text = dockerfile`
  FROM node:20 AS deps
  FROM node:20 AS build
  COPY --from=deps /app/node_modules ./node_modules
  FROM node:20 AS debug
  RUN npm i -g nodemon
  FROM node:20-slim AS final
  COPY --from=build /app/dist ./dist
`;

describe(rule, () => {
  test('fires on a stage nothing uses that is not the last one', async () => {
    expect(await hits(rule, text)).toEqual([4]);
    const [finding] = (await findings(text)).filter((f) => f.ruleId === rule);
    expect(finding.message).toContain('`docker build` without --target does not build it');
  });

  test('with --target, the last stage and the target are both meant to be built', async () => {
    expect(await hits(rule, text, { target: 'debug' })).toEqual([]);
    expect(await hits(rule, text, { target: 'build' })).toEqual([4]);
  });

  test('quiet: every stage reached through FROM, COPY --from or RUN --mount=from', async () => {
    expect(await hits(rule, 'FROM node:20 AS base\nFROM base AS build\nFROM alpine\nCOPY --from=build /a /a\n')).toEqual([]);
    expect(await hits(rule, dockerfile`
      FROM golang:1.22 AS deps
      RUN go mod download
      FROM golang:1.22
      RUN --mount=type=bind,from=deps,source=/go/pkg/mod,target=/go/pkg/mod go build ./...
    `)).toEqual([]);
  });

  test('quiet: a Dockerfile of several targets (runnable stages, aliases, stages only other targets use)', async () => {
    expect(await hits(rule, dockerfile`
      FROM python:3.12-slim AS builder
      RUN python -m venv /opt/venv
      FROM builder AS builder-doc
      RUN /opt/venv/bin/pip install --no-cache-dir sphinx
      FROM builder-doc AS test
      ENTRYPOINT ["/opt/venv/bin/pytest"]
      FROM test AS tests
      FROM python:3.12-slim AS runtime
      COPY --from=builder /opt/venv /opt/venv
      CMD ["python", "-m", "app"]
      FROM runtime AS api
      FROM python:3.12-slim AS worker-doc
      COPY --from=builder-doc /opt/venv /opt/venv
      ENTRYPOINT ["python", "-m", "app.worker"]
      FROM python:3.12-slim AS worker
      COPY --from=builder /opt/venv /opt/venv
      ENTRYPOINT ["python", "-m", "app.worker"]
    `)).toEqual([]);
  });
});
