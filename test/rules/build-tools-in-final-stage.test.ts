import { describe, expect, test } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/build-tools-in-final-stage.js';
import { lintRule, ruleTester } from '../rule-tester.js';

/** A toolbox image: compilers on purpose, no CMD or ENTRYPOINT of its own. */
const DEV_IMAGE = dockerfile`
  FROM ubuntu:24.04 AS devel-base
  RUN apt-get update && apt-get install -y build-essential libgmp-dev && rm -rf /var/lib/apt/lists/*
  FROM devel-base AS devel
  RUN useradd -m devel
  USER devel
`;

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: build tools only in the build stage, runtime packages in the final one, single stage (1)',
        code: dockerfile`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y build-essential libpq-dev
      FROM debian:12-slim
      RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates && rm -rf /var/lib/apt/lists/*
    `,
      },
      {
        name: 'quiet: build tools only in the build stage, runtime packages in the final one, single stage (2)',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y gcc\n',
      },
      {
        name: 'quiet: a toolbox or dev image (no CMD or ENTRYPOINT in its stages, or a bare shell) is meant to have compilers (1)',
        code: DEV_IMAGE,
      },
      {
        name: 'quiet: a toolbox or dev image (no CMD or ENTRYPOINT in its stages, or a bare shell) is meant to have compilers (2)',
        code: `${DEV_IMAGE}CMD ["bash"]\n`,
      },
    ],
    invalid: [
      {
        name: 'fires on compilers and -dev packages installed in the final stage',
        code: dockerfile`
      FROM golang:1.22 AS build
      RUN go build -o /app .
      FROM debian:12-slim
      RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev ca-certificates && rm -rf /var/lib/apt/lists/*
      RUN apk add --no-cache gcc musl-dev
      COPY --from=build /app /app
      CMD ["/app"]
    `,
        findings: [4, 5],
      },
      {
        name: 'fires when the final stage starts from the same SDK image as the build stage',
        code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM golang:1.22\nCOPY --from=build /app /app\n',
        findings: [3],
      },
      {
        name: 'quiet: a toolbox or dev image (no CMD or ENTRYPOINT in its stages, or a bare shell) is meant to have compilers (3), but this case fires',
        code: DEV_IMAGE.replace('USER devel', 'USER devel\nFROM devel AS app\nCMD ["./server"]'),
        findings: [2],
      },
    ],
  });
});

describe('build-tools-in-final-stage: what the same RUN removes again, one finding per RUN', () => {
  const stages = 'FROM node:20 AS ui\nRUN npm ci\n';
  // Shaped like paperless-ngx: build-essential and -dev packages purged after pip install in the same RUN.
  test('quiet for packages a later command of the same RUN purges; names only what stays', async () => {
    const text = `${stages}FROM python:3.9-slim\nRUN apt-get update && apt-get -y --no-install-recommends install build-essential libpq-dev zlib1g-dev && pip install -r req.txt && apt-get -y purge build-essential zlib1g-dev && apt-get -y autoremove --purge\nCMD ["gunicorn", "app"]\n`;
    const found = (await lintRule(rule, text)).filter((f) => f.ruleId === 'build-tools-in-final-stage');
    expect(found.map((f) => f.properties.packages)).toEqual([['libpq-dev']]);
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet for apk add --virtual .build-deps removed with apk del .build-deps in the same RUN',
        code: `${stages}FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir psycopg && apk del .build-deps\nCMD ["python", "app.py"]\n`,
      },
    ],
  });

  // Shaped like open-webui: gcc installed in both branches of an if/else.
  test('one finding per RUN, the other installs as related locations', async () => {
    const text = `${stages}FROM python:3.11-slim\nRUN if [ "$X" = true ]; then apt-get install -y gcc; else apt-get install -y gcc python3-dev; fi\nCMD ["bash", "start.sh"]\n`;
    const found = (await lintRule(rule, text)).filter((f) => f.ruleId === 'build-tools-in-final-stage');
    expect(found).toHaveLength(1);
    expect(found[0].properties.packages).toEqual(['gcc', 'python3-dev']);
    expect(found[0].related).toHaveLength(1);
  });
});

describe('build-tools-in-final-stage: installs the shell model must see', () => {
  test('packages installed inside a ( … ) subshell or through a variable the RUN set', async () => {
    const stages = 'FROM node:20 AS ui\nRUN npm ci\n';
    const text = `${stages}FROM debian:12\nRUN (apt-get update && apt-get install -y --no-install-recommends g++) && rm -rf /var/lib/apt/lists/*\nRUN buildDeps="gcc make" && apt-get update && apt-get install -y --no-install-recommends $buildDeps\nCMD ["app"]\n`;
    const found = (await lintRule(rule, text)).filter((f) => f.ruleId === 'build-tools-in-final-stage');
    expect(found.map((f) => f.properties.packages)).toEqual([['g++'], ['gcc', 'make']]);
  });
});
