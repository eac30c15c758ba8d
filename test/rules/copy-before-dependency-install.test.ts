import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerfile, findings, hits } from '../helpers.js';
import { loadBuildContext } from '../../src/model/context.js';

const rule = 'copy-before-dependency-install';

describe(rule, () => {
  test.each([
    ['npm ci', 'node:20', 'RUN npm ci', 'package.json package-lock.json'],
    ['yarn', 'node:20', 'RUN yarn install --frozen-lockfile', 'package.json yarn.lock'],
    ['pnpm', 'node:20', 'RUN pnpm install', 'package.json pnpm-lock.yaml'],
    ['pip -r', 'python:3.12', 'RUN pip install --no-cache-dir -r requirements/prod.txt', 'requirements/prod.txt'],
    ['poetry', 'python:3.12', 'RUN poetry install --no-root', 'pyproject.toml poetry.lock'],
    ['pipenv', 'python:3.12', 'RUN pipenv install --deploy', 'Pipfile Pipfile.lock'],
    ['go mod download', 'golang:1.22', 'RUN go mod download', 'go.mod go.sum'],
    ['cargo build', 'rust:1.79', 'RUN cargo build --release', 'Cargo.toml Cargo.lock'],
    ['go build', 'golang:1.22', 'RUN CGO_ENABLED=0 go build -o /server ./cmd/server', 'go.mod go.sum'],
    ['bundler', 'ruby:3.3', 'RUN bundle install', 'Gemfile Gemfile.lock'],
    ['composer', 'composer:2', 'RUN composer install --no-dev', 'composer.json composer.lock'],
    ['maven', 'maven:3.9', 'RUN mvn -B dependency:go-offline', 'pom.xml'],
    ['gradle', 'gradle:8', 'RUN gradle dependencies --no-daemon', 'build.gradle settings.gradle'],
    ['dotnet', 'mcr.microsoft.com/dotnet/sdk:8.0', 'RUN dotnet restore', '*.csproj'],
    ['mix', 'elixir:1.16', 'RUN mix deps.get', 'mix.exs mix.lock'],
  ])('fires for %s after COPY . . and names the manifests', async (_name, image, install, manifests) => {
    const result = (await findings(`FROM ${image}\nWORKDIR /app\nCOPY . .\n${install}\n`)).filter((f) => f.ruleId === rule);
    expect(result).toHaveLength(1);
    expect(result[0].range.start.line).toBe(3);
    expect(result[0].message).toContain(`COPY ${manifests} first`);
    expect(result[0].related[0].range.start.line).toBe(2);
  });

  test('a build that fetches (go build, cargo build) is told to fetch first: go mod download, cargo fetch', async () => {
    const [go] = (await findings('FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n')).filter((f) => f.ruleId === rule);
    expect(go.message).toContain('every source edit downloads every dependency again; COPY go.mod go.sum first, RUN go mod download, then COPY the rest');
    const [cargo] = (await findings('FROM rust:1.79\nCOPY . .\nRUN cargo build --release\n')).filter((f) => f.ruleId === rule);
    expect(cargo.fix?.description).toContain('`RUN cargo fetch` above');
  });

  test('quiet: a build whose downloads a cache mount keeps (at the official image\'s GOPATH / CARGO_HOME), vendored or tool installs', async () => {
    expect(await hits(rule, dockerfile`
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
    `)).toEqual([]);
    // A mount elsewhere keeps nothing: the modules still land in the layer.
    expect(await hits(rule, 'FROM golang:1.22\nCOPY . .\nRUN --mount=type=cache,target=/root/go/pkg/mod go build .\n')).toEqual([3]);
  });

  test('with a context: quiet for vendored Go modules (vendor/modules.txt) or a module without dependencies (no go.sum)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-go-'));
    writeFileSync(join(dir, 'go.mod'), 'module x\n');
    writeFileSync(join(dir, 'main.go'), 'package main\n');
    const text = 'FROM golang:1.22\nCOPY . .\nRUN go build .\n';
    expect((await findings(text, { context: loadBuildContext(dir) })).filter((f) => f.ruleId === rule)).toEqual([]);
    writeFileSync(join(dir, 'go.sum'), '');
    expect((await findings(text, { context: loadBuildContext(dir) })).filter((f) => f.ruleId === rule)).toHaveLength(1);
    mkdirSync(join(dir, 'vendor'));
    writeFileSync(join(dir, 'vendor', 'modules.txt'), '# example.com/dep v1.0.0\n');
    expect((await findings(text, { context: loadBuildContext(dir) })).filter((f) => f.ruleId === rule)).toEqual([]);
  });

  test('the fix keeps each manifest at its path: one COPY per folder', async () => {
    const [pip] = (await findings('FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r ./requirements/base.txt -r requirements/prod.txt -r /tmp/extra.txt\n')).filter((f) => f.ruleId === rule);
    expect(pip.fix?.description).toBe('Add `COPY requirements/base.txt requirements/prod.txt requirements/`, `COPY extra.txt /tmp/` and the install above `COPY . .`.');
    expect(pip.message).toContain('COPY requirements/base.txt requirements/prod.txt extra.txt first');
  });

  test('fires when a source directory is copied before the install', async () => {
    expect(await hits(rule, 'FROM node:20\nCOPY package.json package-lock.json ./\nCOPY src ./src\nRUN npm ci\n')).toEqual([4]);
  });

  test('fires across FROM <stage>: the broad COPY is in the base stage', async () => {
    expect(await hits(rule, 'FROM node:20 AS base\nCOPY . .\nFROM base\nRUN npm ci\n')).toEqual([4]);
  });

  test('with a context, names the manifests that exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-'));
    for (const file of ['package.json', 'yarn.lock', '.npmrc', 'index.js']) writeFileSync(join(dir, file), '');
    const [finding] = (await findings('FROM node:20\nCOPY . .\nRUN yarn\n', { context: loadBuildContext(dir) })).filter((f) => f.ruleId === rule);
    expect(finding.message).toContain('COPY package.json yarn.lock .npmrc first');
  });

  test('quiet: manifests first, then install, then the rest', async () => {
    expect(await hits(rule, dockerfile`
      FROM node:20
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
      COPY . .
      RUN npm run build
    `)).toEqual([]);
  });

  test('quiet: manifests installed before the broad COPY, a second install after it', async () => {
    expect(await hits(rule, 'FROM node:20\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm ci --omit=dev\n')).toEqual([]);
  });

  test('quiet: installing named packages, pip install of the project, or no broad COPY', async () => {
    expect(await hits(rule, dockerfile`
      FROM python:3.12
      COPY . .
      RUN npm install -g pnpm
      RUN pip install .
      RUN pip install flask
      RUN yarn add left-pad
    `)).toEqual([]);
    expect(await hits(rule, 'FROM node:20\nCOPY package.json ./\nRUN npm ci\nCOPY src/ ./src/\n')).toEqual([]);
  });

  test('quiet: the install reads a git clone (same RUN, after cd, or an earlier RUN); fires when the clone is elsewhere', async () => {
    expect(await hits(rule, dockerfile`
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
    `)).toEqual([]);
    expect(await hits(rule, dockerfile`
      FROM node:20
      WORKDIR /app
      COPY . .
      RUN git clone https://github.com/x/tool.git /tmp/tool && npm ci
      RUN npm ci && git clone https://github.com/x/web.git /app/web
    `)).toEqual([4, 5]);
  });

  test('quiet: the broad COPY is in another, unrelated stage', async () => {
    expect(await hits(rule, 'FROM node:20 AS assets\nCOPY . .\nFROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\n')).toEqual([]);
  });
});
