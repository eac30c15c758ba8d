import { describe, expect, test } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/unused-stage.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

const text = dockerfile`
  FROM node:20 AS deps
  FROM node:20 AS build
  COPY --from=deps /app/node_modules ./node_modules
  FROM node:20 AS debug
  RUN npm i -g nodemon
  FROM node:20-slim AS final
  COPY --from=build /app/dist ./dist
`;

describe(rule.meta.id, () => {
  test('fires on a stage nothing uses that is not the last one', async () => {
    expect(await ruleHits(rule, text)).toEqual([4]);
    const [finding] = (await lintRule(rule, text)).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain('`docker build` without --target does not build it');
  });
  ruleTester(rule, {
    valid: [
      { name: 'with --target, the last stage and the target are both meant to be built (1)', code: text, options: { target: 'debug' } },
      {
        name: 'quiet: every stage reached through FROM, COPY --from or RUN --mount=from (1)',
        code: 'FROM node:20 AS base\nFROM base AS build\nFROM alpine\nCOPY --from=build /a /a\n',
      },
      {
        name: 'quiet: every stage reached through FROM, COPY --from or RUN --mount=from (2)',
        code: dockerfile`
      FROM golang:1.22 AS deps
      RUN go mod download
      FROM golang:1.22
      RUN --mount=type=bind,from=deps,source=/go/pkg/mod,target=/go/pkg/mod go build ./...
    `,
      },
      {
        name: 'quiet: a Dockerfile of several targets (runnable stages, aliases, stages only other targets use)',
        code: dockerfile`
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
    `,
      },
    ],
    invalid: [
      {
        name: 'with --target, the last stage and the target are both meant to be built (2)',
        code: text,
        options: { target: 'build' },
        findings: [4],
      },
    ],
  });
});

describe('unused-stage: stages used in ways only the build command shows', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet when a FROM, COPY --from or RUN --mount=from names its stage through a build argument (1)',
        code: 'ARG JS_SRC=js-builder\nFROM node:20 AS js-builder\nRUN npm ci\nFROM node:20 AS js-prebuilt\nCOPY dist /dist\nFROM ${JS_SRC} AS js\nFROM nginx:1\nCOPY --from=js /dist /usr/share/nginx/html\n',
      },
      {
        name: 'quiet when a FROM, COPY --from or RUN --mount=from names its stage through a build argument (2)',
        code: 'FROM node:20 AS js-builder\nRUN npm ci\nFROM node:20 AS js-prebuilt\nCOPY dist /dist\nFROM nginx:1\nARG JS_SRC=js-builder\nCOPY --from=${JS_SRC} /dist /usr/share/nginx/html\n',
      },
      {
        name: 'quiet for a stage built on a runnable stage (it inherits CMD/ENTRYPOINT)',
        code: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20 AS release\nCOPY --from=build /app /app\nCMD ["node", "server.js"]\nFROM release AS nightly\nRUN npm run mark-as-nightly\nFROM debian:12 AS upload\nCOPY --from=build /app /app\n',
      },
    ],
    invalid: [
      {
        name: 'still fires for a stage no one uses that is not runnable',
        code: 'FROM node:20 AS old\nRUN npm ci\nFROM node:20 AS app\nCMD ["node"]\nFROM nginx:1\nCOPY --from=app /x /y\n',
        findings: [1],
      },
    ],
  });
});
