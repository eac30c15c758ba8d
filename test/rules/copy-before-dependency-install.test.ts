import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerfile } from '../helpers.js';
import { loadBuildContext } from '../../src/model/context.js';
import rule from '../../rules/copy-before-dependency-install.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test.each([
    ['npm ci', 'node:20', 'RUN npm ci', 'package.json package-lock.json'],
    ['yarn', 'node:20', 'RUN yarn install --frozen-lockfile', 'package.json yarn.lock'],
    ['pip -r', 'python:3.12', 'RUN pip install --no-cache-dir -r requirements/prod.txt', 'requirements/prod.txt requirements/'],
    ['poetry', 'python:3.12', 'RUN poetry install --no-root', 'pyproject.toml poetry.lock'],
    ['pipenv', 'python:3.12', 'RUN pipenv install --deploy', 'Pipfile Pipfile.lock'],
    ['go mod download', 'golang:1.22', 'RUN go mod download', 'go.mod go.sum'],
    ['go build', 'golang:1.22', 'RUN CGO_ENABLED=0 go build -o /server ./cmd/server', 'go.mod go.sum'],
    ['bundler', 'ruby:3.3', 'RUN bundle install', 'Gemfile Gemfile.lock'],
    ['composer', 'composer:2', 'RUN composer install --no-dev', 'composer.json composer.lock'],
    ['maven', 'maven:3.9', 'RUN mvn -B dependency:go-offline', 'pom.xml'],
    ['gradle', 'gradle:8', 'RUN gradle dependencies --no-daemon', 'build.gradle settings.gradle'],
    ['dotnet', 'mcr.microsoft.com/dotnet/sdk:8.0', 'RUN dotnet restore', '*.csproj'],
    ['mix', 'elixir:1.16', 'RUN mix deps.get', 'mix.exs mix.lock'],
  ])('fires for %s after COPY . . and names the manifests', async (_name, image, install, manifests) => {
    const result = (await lintRule(rule, `FROM ${image}\nWORKDIR /app\nCOPY . .\n${install}\n`)).filter((f) => f.ruleId === rule.meta.id);
    expect(result).toHaveLength(1);
    expect(result[0].range.start.line).toBe(3);
    expect(result[0].message).toContain(`COPY ${manifests}`);
    expect(result[0].related[0].range.start.line).toBe(2);
  });

  test('a build that fetches (go build, cargo build) is told to fetch first: go mod download, cargo fetch', async () => {
    const [go] = (await lintRule(rule, 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(go.message).toContain('every source edit downloads every dependency again; COPY go.mod go.sum* first, RUN go mod download, then COPY the rest');
  });

  // `COPY Cargo.toml Cargo.lock` + `RUN cargo fetch` fails as written: a manifest without src/main.rs or
  // src/lib.rs does not parse. The advice that works: a cache mount (at the image's CARGO_HOME) or cargo-chef.
  test('cargo build after COPY . .: a cache mount at CARGO_HOME or cargo-chef, never a bare cargo fetch', async () => {
    const [cargo] = (await lintRule(rule, 'FROM rust:1.79\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(cargo.message).toContain('RUN --mount=type=cache,target=/usr/local/cargo/registry cargo build');
    expect(cargo.message).toContain('cargo-chef');
    expect(cargo.message).not.toContain('cargo fetch');
  });
  ruleTester(rule, {
    valid: [
      {
        name: "quiet: a build whose downloads a cache mount keeps (at the official image's GOPATH / CARGO_HOME), vendored or tool installs (1)",
        code: dockerfile`
      FROM golang:1.22 AS go
      WORKDIR /src
      COPY . .
      RUN --mount=type=cache,target=/go/pkg/mod go build -o /app .
      RUN go build -mod=vendor -o /app2 .
      RUN go install github.com/go-delve/delve/cmd/dlv@latest
      FROM go AS go-child
      RUN --mount=type=cache,target=/go/pkg/mod go build -o /app3 .
      FROM rust:1.79
      COPY . .
      RUN --mount=type=cache,target=/usr/local/cargo/registry cargo build --release
    `,
      },
      {
        name: 'quiet: a Cargo dependency build after manifests and a member, then the real build after COPY . .',
        code: dockerfile`
      FROM rust:1.89 AS build
      RUN USER=root cargo new --bin /app
      WORKDIR /app
      COPY ./Cargo.* ./rust-toolchain.toml ./build.rs ./
      COPY ./macros ./macros
      RUN cargo build --release && find . -not -path "./target*" -delete
      COPY . .
      RUN touch build.rs src/main.rs && cargo build --release
    `,
      },
      {
        name: 'quiet: cargo chef cook before the COPY of the sources',
        code: dockerfile`
      FROM lukemathwalker/cargo-chef:latest-rust-1.62.0 AS chef
      WORKDIR /qdrant
      FROM chef AS planner
      COPY . .
      RUN cargo chef prepare --recipe-path recipe.json
      FROM chef AS builder
      COPY --from=planner /qdrant/recipe.json recipe.json
      RUN cargo chef cook --release --recipe-path recipe.json
      COPY . .
      RUN cargo build --release --bin qdrant
    `,
      },
      {
        name: 'quiet: manifests first, then install, then the rest',
        code: dockerfile`
      FROM node:20
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
      COPY . .
      RUN npm run build
    `,
      },
      {
        name: 'quiet: manifests installed before the broad COPY, a second install after it',
        code: 'FROM node:20\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm ci --omit=dev\n',
      },
      {
        name: 'quiet: installing named packages, pip install of the project, or no broad COPY (1)',
        code: dockerfile`
      FROM python:3.12
      COPY . .
      RUN npm install -g pnpm
      RUN pip install .
      RUN pip install flask
      RUN yarn add left-pad
    `,
      },
      {
        name: 'quiet: installing named packages, pip install of the project, or no broad COPY (2)',
        code: 'FROM node:20\nCOPY package.json ./\nRUN npm ci\nCOPY src/ ./src/\n',
      },
      {
        name: 'quiet: the install reads a git clone (same RUN, after cd, or an earlier RUN); fires when the clone is elsewhere (1)',
        code: dockerfile`
      FROM composer:2
      COPY etc/ /opt/docker/etc/
      WORKDIR /app
      RUN git clone --depth 1 https://github.com/shopware/shopware.git /app/ && composer install
      RUN git clone https://github.com/x/web.git /srv/web && cd /srv/web && npm ci
      FROM node:20
      COPY conf/ /etc/app/
      RUN git clone https://github.com/x/api.git /api
      WORKDIR /api
      RUN npm ci
    `,
      },
      {
        name: 'quiet: the broad COPY is in another, unrelated stage',
        code: 'FROM node:20 AS assets\nCOPY . .\nFROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
      },
    ],
    invalid: [
      {
        name: "quiet: a build whose downloads a cache mount keeps (at the official image's GOPATH / CARGO_HOME), vendored or tool installs (2)",
        code: 'FROM golang:1.22\nCOPY . .\nRUN --mount=type=cache,target=/root/go/pkg/mod go build .\n',
        findings: [3],
      },
      {
        name: 'fires across FROM <stage>: the broad COPY is in the base stage',
        code: 'FROM node:20 AS base\nCOPY . .\nFROM base\nRUN npm ci\n',
        findings: [4],
      },
      {
        name: 'quiet: the install reads a git clone (same RUN, after cd, or an earlier RUN); fires when the clone is elsewhere (2), but this case fires',
        code: dockerfile`
      FROM node:20
      WORKDIR /app
      COPY . .
      RUN git clone https://github.com/x/tool.git /tmp/tool && npm ci
      RUN npm ci && git clone https://github.com/x/web.git /app/web
    `,
        findings: [4, 5],
      },
    ],
  });

  test('with a context: quiet for vendored Go modules (vendor/modules.txt) or a module without dependencies (no go.sum)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-go-'));
    writeFileSync(join(dir, 'go.mod'), 'module x\n');
    writeFileSync(join(dir, 'main.go'), 'package main\n');
    const text = 'FROM golang:1.22\nCOPY . .\nRUN go build .\n';
    expect((await lintRule(rule, text, { context: loadBuildContext(dir) })).filter((f) => f.ruleId === rule.meta.id)).toEqual([]);
    writeFileSync(join(dir, 'go.sum'), '');
    expect((await lintRule(rule, text, { context: loadBuildContext(dir) })).filter((f) => f.ruleId === rule.meta.id)).toHaveLength(1);
    mkdirSync(join(dir, 'vendor'));
    writeFileSync(join(dir, 'vendor', 'modules.txt'), '# example.com/dep v1.0.0\n');
    expect((await lintRule(rule, text, { context: loadBuildContext(dir) })).filter((f) => f.ruleId === rule.meta.id)).toEqual([]);
  });

  test('the fix keeps each manifest at its path: one COPY per folder', async () => {
    const [pip] = (
      await lintRule(rule, 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r ./requirements/base.txt -r requirements/prod.txt -r /tmp/extra.txt\n')
    ).filter((f) => f.ruleId === rule.meta.id);
    expect(pip.fix?.description).toBe(
      'Add `COPY requirements/base.txt requirements/prod.txt requirements/`, `COPY extra.txt /tmp/` and the install above `COPY . .`.',
    );
    expect(pip.message).toContain(
      '`COPY requirements/base.txt requirements/prod.txt requirements/`, `COPY extra.txt /tmp/` and the install first, then COPY the rest',
    );
  });

  test('with a context: fires when a source folder without manifests is copied between the manifests and the install', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-'));
    mkdirSync(join(dir, 'src'));
    for (const file of ['package.json', 'package-lock.json', 'src/index.js']) writeFileSync(join(dir, file), '');
    const text = 'FROM node:20\nCOPY package.json package-lock.json ./\nCOPY src ./src\nRUN npm ci\n';
    expect(await ruleHits(rule, text, { context: loadBuildContext(dir) })).toEqual([4]);
  });

  // Shaped like grafana's Dockerfile (yarn workspaces: `COPY package.json yarn.lock ./` + `COPY packages packages`)
  // and vaultwarden's (`COPY ./Cargo.* ./build.rs ./` + `COPY ./macros ./macros`, a workspace member).
  test('quiet: the manifests were copied first and the folder after them is a workspace the install needs', async () => {
    expect(
      await ruleHits(rule, 'FROM node:10\nWORKDIR /usr/src/app\nCOPY package.json yarn.lock ./\nCOPY packages packages\nRUN yarn install --pure-lockfile\n'),
    ).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-'));
    mkdirSync(join(dir, 'packages'));
    mkdirSync(join(dir, 'packages', 'ui'));
    for (const file of ['package.json', 'yarn.lock', 'packages/ui/package.json', 'packages/ui/index.ts']) writeFileSync(join(dir, file), '');
    const text = 'FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock ./\nCOPY packages packages\nRUN yarn install\n';
    expect(await ruleHits(rule, text, { context: loadBuildContext(dir) })).toEqual([]);
  });

  // Shaped like paperless-ngx's Dockerfile: `COPY . /src`, then WORKDIR /src/src-ui and `npm ci` there; and
  // miniflux's: `ADD . /go/src/app`, then WORKDIR /go/src/app and `go build`. Moved above the COPY, the install
  // would run before that WORKDIR: the advice starts with it.
  test('the manifests are named where the install reads them, with the WORKDIR the install needs', async () => {
    const [finding] = (await lintRule(rule, 'FROM node:16\nCOPY . /src\nWORKDIR /src/src-ui\nRUN npm ci --no-optional\n')).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(finding.message).toContain(
      '`WORKDIR /src/src-ui`, `COPY src-ui/package.json src-ui/package-lock.json ./` and the install first, then COPY the rest',
    );
    const [same] = (await lintRule(rule, 'FROM node:16\nWORKDIR /app\nCOPY . .\nRUN npm ci\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(same.message).toContain('COPY package.json package-lock.json first, install, then COPY the rest');
    const [go] = (await lintRule(rule, 'FROM golang:alpine AS build\nADD . /go/src/app\nWORKDIR /go/src/app\nRUN go build -o miniflux main.go\n')).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(go.message).toContain('`WORKDIR /go/src/app`, `COPY go.mod go.sum* ./` and `RUN go mod download` first, then COPY the rest');
  });

  // pnpm fetch needs only the lock file, so it works for a workspace too (Directus: a pnpm monorepo).
  test('pnpm: COPY pnpm-lock.yaml and RUN pnpm fetch first, then install offline', async () => {
    const [finding] = (await lintRule(rule, 'FROM node:20\nWORKDIR /directus\nCOPY . .\nRUN pnpm install\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain('`COPY pnpm-lock.yaml ./` and `RUN pnpm fetch` first, then COPY the rest, and make this `pnpm install --offline`');
  });

  test("with a context: an npm/yarn workspace gets every member's package.json, a big one a cache mount", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, workspaces: ['packages/*', 'apps/web'] }));
    writeFileSync(join(dir, 'yarn.lock'), '');
    for (const member of ['packages/ui', 'packages/api', 'apps/web']) {
      mkdirSync(join(dir, member), { recursive: true });
      writeFileSync(join(dir, member, 'package.json'), '{}');
      writeFileSync(join(dir, member, 'index.ts'), '');
    }
    const text = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile\n';
    const [finding] = (await lintRule(rule, text, { context: loadBuildContext(dir) })).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain(
      '`COPY package.json yarn.lock ./`, `COPY apps/web/package.json apps/web/`, `COPY packages/api/package.json packages/api/`, `COPY packages/ui/package.json packages/ui/` and the install first',
    );
    for (let n = 0; n < 9; n++) {
      mkdirSync(join(dir, 'packages', `p${n}`));
      writeFileSync(join(dir, 'packages', `p${n}`, 'package.json'), '{}');
    }
    const [big] = (await lintRule(rule, text, { context: loadBuildContext(dir) })).filter((f) => f.ruleId === rule.meta.id);
    expect(big.message).toContain('package.json declares a workspace of 12 packages');
    expect(big.message).toContain('RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile');
  });

  test("with a context: a go.work workspace gets go.work and every module's go.mod and go.sum", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-'));
    writeFileSync(join(dir, 'go.work'), 'go 1.22\n\nuse (\n\t./api\n\t./lib\n)\n');
    for (const member of ['api', 'lib']) {
      mkdirSync(join(dir, member));
      for (const file of ['go.mod', 'go.sum', 'main.go']) writeFileSync(join(dir, member, file), '');
    }
    const [finding] = (await lintRule(rule, 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build ./api\n', { context: loadBuildContext(dir) })).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(finding.message).toContain(
      '`COPY go.work ./`, `COPY api/go.mod api/go.sum api/`, `COPY lib/go.mod lib/go.sum lib/` and `RUN go mod download` first',
    );
  });

  test('with a context, names the manifests that exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-'));
    for (const file of ['package.json', 'yarn.lock', '.npmrc', 'index.js']) writeFileSync(join(dir, file), '');
    const [finding] = (await lintRule(rule, 'FROM node:20\nCOPY . .\nRUN yarn\n', { context: loadBuildContext(dir) })).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain('COPY package.json yarn.lock .npmrc first');
  });
});

describe(`${rule}: COPY lines that cannot fail`, () => {
  // Without the context a lock file may be missing; a glob that matches nothing does not fail a COPY.
  test('without a context, a lock the install does not insist on is copied with a glob', async () => {
    const [npmInstall] = (await lintRule(rule, 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(npmInstall.message).toContain('COPY package.json package-lock.json* first');
    const [npmCi] = (await lintRule(rule, 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(npmCi.message).toContain('COPY package.json package-lock.json first');
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'corepack enable and yarn --version are not installs',
        code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN corepack enable && yarn --version\n',
      },
    ],
  });
});

describe('copy-before-dependency-install: the manifest-first split as a fix (unsafe), with the build context', () => {
  const project = (packageJson: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-split-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'package.json'), packageJson);
    writeFileSync(join(dir, 'package-lock.json'), '{}');
    writeFileSync(join(dir, 'src', 'index.js'), 'x');
    return loadBuildContext(dir);
  };
  const code = 'FROM node:20\nWORKDIR /app\nCOPY --chown=node:node . .\nRUN npm ci --omit=dev\nCMD ["node", "src/index.js"]\n';
  ruleTester(rule, {
    invalid: [
      {
        name: 'the manifests the context has, copied with the same flags, and the install above the broad COPY',
        code,
        options: { context: project('{"name":"x"}') },
        findings: [4],
        output:
          'FROM node:20\nWORKDIR /app\nCOPY --chown=node:node package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY --chown=node:node . .\nCMD ["node", "src/index.js"]\n',
      },
      {
        name: 'no edit when npm would run a lifecycle script of the project (prepare often builds from the sources)',
        code,
        options: { context: project('{"name":"x","scripts":{"prepare":"tsc"}}') },
        findings: [4],
        output: null,
      },
      {
        name: 'no edit without the build context: which manifests exist is not known',
        code,
        findings: [4],
        output: null,
      },
    ],
  });
});
