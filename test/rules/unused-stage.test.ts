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

describe('unused-stage: stages used in ways only the build command shows', () => {
  // hadolint #339-style: `ARG JS_SRC=js-builder` … `FROM ${JS_SRC}`; `--build-arg JS_SRC=js-prebuilt` picks the other.
  test('quiet when a FROM, COPY --from or RUN --mount=from names its stage through a build argument', async () => {
    const viaFrom = 'ARG JS_SRC=js-builder\nFROM node:20 AS js-builder\nRUN npm ci\nFROM node:20 AS js-prebuilt\nCOPY dist /dist\nFROM ${JS_SRC} AS js\nFROM nginx:1\nCOPY --from=js /dist /usr/share/nginx/html\n';
    expect(await hits('unused-stage', viaFrom)).toEqual([]);
    const viaCopy = 'FROM node:20 AS js-builder\nRUN npm ci\nFROM node:20 AS js-prebuilt\nCOPY dist /dist\nFROM nginx:1\nARG JS_SRC=js-builder\nCOPY --from=${JS_SRC} /dist /usr/share/nginx/html\n';
    expect(await hits('unused-stage', viaCopy)).toEqual([]);
  });

  // Shaped like uptime-kuma's docker/dockerfile: `FROM release AS nightly` adds a step to a runnable stage.
  test('quiet for a stage built on a runnable stage (it inherits CMD/ENTRYPOINT)', async () => {
    const text = 'FROM node:20 AS build\nRUN npm ci\nFROM node:20 AS release\nCOPY --from=build /app /app\nCMD ["node", "server.js"]\nFROM release AS nightly\nRUN npm run mark-as-nightly\nFROM debian:12 AS upload\nCOPY --from=build /app /app\n';
    expect(await hits('unused-stage', text)).toEqual([]);
  });

  test('still fires for a stage no one uses that is not runnable', async () => {
    expect(await hits('unused-stage', 'FROM node:20 AS old\nRUN npm ci\nFROM node:20 AS app\nCMD ["node"]\nFROM nginx:1\nCOPY --from=app /x /y\n')).toEqual([1]);
  });
});
