import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerfile, model } from './helpers.js';
import { loadBuildContext } from '../src/model/context.js';
import { pathsOverlap } from '../src/util/paths.js';
import { lintText } from '../src/lint.js';
import { predictRebuild } from '../src/model/rebuild.js';

describe('layer model', () => {
  test('only RUN, COPY and ADD make layers', async () => {
    const m = await model(dockerfile`
      FROM alpine:3.19
      ENV A=1
      WORKDIR /app
      COPY . .
      RUN echo hi
      ADD x.tgz /opt/
      CMD ["sh"]
    `);
    expect(m.steps.map((s) => `${s.instruction.keyword}:${s.createsLayer}`)).toEqual([
      'ENV:false',
      'WORKDIR:false',
      'COPY:true',
      'RUN:true',
      'ADD:true',
      'CMD:false',
    ]);
  });

  test('COPY sources are classed broad, manifest or static', async () => {
    const m = await model(dockerfile`
      FROM node:20
      COPY package.json package-lock.json ./
      COPY src ./src
      COPY . .
      COPY nginx.conf /etc/nginx/
      COPY *.js /app/
      COPY --from=builder /out /out
      COPY --from=nginx:alpine /etc/nginx /etc/nginx
    `);
    const classes = m.steps.map((s) => s.copy!.sources.map((src) => src.volatility).join(','));
    expect(classes).toEqual(['manifest,manifest', 'broad', 'broad', 'static', 'broad', 'image', 'image']);
    expect(m.steps[0].copy!.sources[0].ecosystems).toEqual(expect.arrayContaining(['npm', 'yarn', 'pnpm']));
  });

  test('COPY/ADD writes: a file keeps its name in a directory, a directory copies its contents, ADD unpacks a tar', async () => {
    const m = await model(dockerfile`
      FROM node:20
      WORKDIR /app
      COPY pyproject.toml poetry.lock /app/
      COPY run.sh .
      COPY entrypoint.sh /usr/local/bin/entrypoint
      COPY src ./src
      COPY . /srv
      ADD vendor.tar.gz /opt/
      ADD https://example.com/dl/tool.zip?sig=1 /tmp/
      COPY --from=builder /out/app.jar /app/
      COPY <<config.ini /etc/
    `);
    const writes = m.steps.filter((s) => s.copy).map((s) => s.copy!.writes.map((w) => `${w.path}${w.tree ? '/**' : ''}`).join(' '));
    expect(writes).toEqual([
      '/app/pyproject.toml /app/poetry.lock',
      '/app/run.sh',
      // No trailing slash and one file: a file of that name, or into an existing directory of that name.
      '/usr/local/bin/entrypoint /usr/local/bin/entrypoint/entrypoint.sh',
      '/app/src/**',
      '/srv/**',
      '/opt/**',
      '/tmp/tool.zip',
      '/app/app.jar',
      '/etc/config.ini',
    ]);
  });

  test('RUN cache inputs include every ARG declared earlier in the stage', async () => {
    const m = await model(dockerfile`
      FROM alpine:3.19
      ARG BUILD_DATE
      RUN apk add --no-cache curl
      ARG VERSION=1
      COPY app-\${VERSION}.tar /app/
    `);
    expect(m.steps[1].cache.argsInScope).toEqual(['BUILD_DATE']);
    expect(m.steps[3].cache.argsUsed).toEqual(['VERSION']);
    expect(m.steps[1].rebuiltBy).toEqual(['ARG BUILD_DATE']);
  });

  test('rebuiltBy accumulates down the stage and through FROM <stage>', async () => {
    const m = await model(dockerfile`
      FROM node:20 AS build
      COPY package.json package-lock.json ./
      RUN npm ci
      COPY . .
      RUN npm run build
      FROM build AS test
      RUN npm test
    `);
    const byLine = Object.fromEntries(m.steps.map((s) => [s.instruction.range.start.line + 1, s.rebuiltBy]));
    expect(byLine[3]).toEqual(['edit of package.json', 'edit of package-lock.json']);
    expect(byLine[5]).toContain('any source edit');
    expect(byLine[7]).toContain('rebuild of stage build');
  });

  test('RUN effects: package caches, downloads, deletions', async () => {
    const m = await model(dockerfile`
      FROM debian:12
      RUN apt-get update && apt-get install -y --no-install-recommends curl
      RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz && tar -xzf /tmp/tool.tgz -C /opt
      RUN pip install --no-cache-dir flask && pip install requests
      RUN rm -rf /var/lib/apt/lists/* /tmp/tool.tgz && apt-get clean
    `);
    const created = (line: number) => m.steps.find((s) => s.instruction.range.start.line + 1 === line)!.created.map((e) => e.path);
    // No /var/cache/apt: the Debian image's docker-clean hook deletes the downloaded .debs after the install.
    expect(created(2)).toEqual(['/var/lib/apt/lists', '/']);
    expect(created(3)).toEqual(['/tmp/tool.tgz', '/opt']);
    expect(created(4)).toEqual(['/root/.cache/pip']);
    expect(m.steps[3].deleted.map((e) => e.path)).toEqual(['/var/lib/apt/lists/*', '/tmp/tool.tgz', '/var/cache/apt/archives']);
  });

  test('download outputs in option clusters: curl -fsSLo FILE, wget -qO- (to stdout, no file), -ofile', async () => {
    const m = await model(dockerfile`
      FROM debian:12
      WORKDIR /w
      RUN curl -fsSLo /usr/local/bin/kubectl https://dl.k8s.io/kubectl && wget -qO- https://x.io/a.tgz | tar -xz
      RUN curl -sLo/tmp/b.zip https://x.io/b.zip && wget -nv https://x.io/c.deb
    `);
    const created = (line: number) => m.steps.find((s) => s.instruction.range.start.line + 1 === line)!.created.map((e) => [e.path, e.kind, e.tree ?? false]);
    expect(created(3)).toEqual([
      ['/usr/local/bin/kubectl', 'download', false],
      ['/w', 'extract', true],
    ]);
    expect(created(4)).toEqual([
      ['/tmp/b.zip', 'download', false],
      ['/w/c.deb', 'download', false],
    ]);
  });

  test('tool paths follow the ENV of the stage built FROM and of official images (golang GOPATH=/go, rust CARGO_HOME)', async () => {
    const m = await model(dockerfile`
      FROM golang:1.22-alpine AS go
      RUN go mod download
      FROM docker.io/library/rust:1.79
      RUN cargo fetch
      FROM python:3.12 AS base
      ENV PIP_CACHE_DIR=/pipcache
      ARG NOT_INHERITED=1
      FROM base
      RUN pip install flask
    `);
    const created = (line: number) => m.steps.find((s) => s.instruction.range.start.line + 1 === line)!.created.map((e) => e.path);
    expect(created(2)).toEqual(['/go/pkg/mod']);
    expect(created(4)).toEqual(['/usr/local/cargo/registry']);
    expect(created(9)).toEqual(['/pipcache']);
  });

  test('relative deletions resolve against WORKDIR, cd and ~', async () => {
    const m = await model(dockerfile`
      FROM alpine:3.19
      WORKDIR /src
      USER app
      RUN rm -rf build && cd /tmp && rm x && rm -rf ~/.cache
    `);
    expect(m.steps[2].deleted.map((e) => e.path)).toEqual(['/src/build', '/tmp/x', '/home/app/.cache']);
  });

  test('cache and tmpfs mounts keep their paths out of the layer', async () => {
    const m = await model('FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n');
    expect(m.steps[0].mountedPaths).toEqual(['/root/.cache/pip']);
    expect(m.steps[0].created).toEqual([]);
    expect(m.steps[0].dependencyInstalls.map((d) => d.manifests)).toEqual([['requirements.txt']]);
  });

  test('stage roles: target, in final image, built, unused', async () => {
    const m = await model(
      dockerfile`
      FROM golang:1.22 AS build
      RUN go build -o /app .
      FROM alpine:3.19 AS base
      FROM base AS final
      COPY --from=build /app /app
      FROM alpine:3.19 AS debug
    `,
      { target: 'final' },
    );
    expect(m.stages.map((s) => [s.isBuilt, s.inFinalImage, s.isTarget])).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
      [false, false, false],
    ]);
    expect(m.stages[2].dependsOn).toEqual([1, 0]);
  });

  test('RUN --mount reads: a stage it mounts from is built and rebuilds it; a bound context file misses its cache', async () => {
    const m = await model(dockerfile`
      FROM golang:1.22 AS deps
      RUN go mod download
      FROM golang:1.22
      WORKDIR /src
      RUN --mount=type=bind,source=go.sum,target=go.sum --mount=type=bind,source=go.mod,target=go.mod go mod download
      RUN --mount=type=cache,target=/root/.cache --mount=type=bind,from=deps,source=/go/pkg/mod,target=/go/pkg/mod go build ./...
      RUN --mount=type=secret,id=npmrc --mount=type=cache,from=nginx:alpine,target=/x true
    `);
    expect(m.stages[1].dependsOn).toEqual([0]);
    expect(m.stages[0].isBuilt).toBe(true);
    const [download, build, other] = m.stages[1].steps.filter((step) => step.instruction.keyword === 'RUN');
    expect(download.cache.mountedSources.map((source) => `${source.path}:${source.volatility}`)).toEqual(['go.sum:manifest', 'go.mod:manifest']);
    expect(download.rebuiltBy).toEqual(['edit of go.sum', 'edit of go.mod']);
    expect(build.cache.mountedStages).toEqual([0]);
    expect(build.rebuiltBy).toContain('rebuild of stage deps');
    expect([other.cache.mountedSources, other.cache.mountedStages]).toEqual([[], []]);
    const rebuiltBy = (file: string) =>
      predictRebuild(m, { files: [file] }, 'buildkit')
        .stages.flatMap((stage) => stage.steps)
        .filter((step) => step.fate === 'rebuilt')
        .map((step) => step.step.id);
    expect(rebuiltBy('go.sum')).toEqual([download.id, build.id, other.id]);
    expect(rebuiltBy('main.go')).toEqual([]);
  });

  test('an unknown --target is an error naming the stage', async () => {
    await expect(model('FROM alpine AS a\n', { target: 'nope' })).rejects.toThrow("target stage 'nope' not found");
  });

  test('with a build context, sources resolve to files after .dockerignore', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-ctx-'));
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), '{}');
    writeFileSync(join(dir, 'src', 'a.ts'), '');
    writeFileSync(join(dir, 'node_modules', 'x.js'), '');
    writeFileSync(join(dir, '.dockerignore'), 'node_modules\n');
    const context = loadBuildContext(dir);
    expect(context.files.sort()).toEqual(['.dockerignore', 'package.json', 'src/a.ts']);
    expect(context.ignoredTopLevel).toEqual(['node_modules']);
    const m = await model('FROM node:20\nCOPY package.json ./\nCOPY src ./src\nCOPY . .\n', { context });
    expect(m.steps.map((s) => s.copy!.sources[0].matchedFiles?.length)).toEqual([1, 1, 3]);
    expect(m.steps.map((s) => s.copy!.sources[0].volatility)).toEqual(['manifest', 'broad', 'broad']);
  });

  test('pathsOverlap treats globs and nesting', () => {
    expect(pathsOverlap('/var/lib/apt/lists/*', '/var/lib/apt/lists')).toBe(true);
    expect(pathsOverlap('/root/.cache', '/root/.cache/pip')).toBe(true);
    expect(pathsOverlap('/tmp/*.tgz', '/tmp/tool.tgz')).toBe(true);
    expect(pathsOverlap('/tmp/a', '/tmp/b')).toBe(false);
    expect(pathsOverlap('/var/cache/apk', '/var/lib/apt/lists')).toBe(false);
  });

  test('glob brackets with reversed ranges or RegExp syntax inside match as fnmatch does, and never throw (regression)', async () => {
    // A reversed range matches nothing (found by the fuzzer: "Range out of order in character class").
    expect(pathsOverlap('/var/cache/a[p-c.8]', '/var/cache/a.')).toBe(true);
    expect(pathsOverlap('/var/cache/a[p-c.8]', '/var/cache/ap')).toBe(false);
    expect(pathsOverlap('/x/[z-a]', '/x/b')).toBe(false);
    expect(pathsOverlap('/x/[!z-a]', '/x/b')).toBe(true);
    expect(pathsOverlap('/x/[a-c^\\]', '/x/^')).toBe(true);
    expect(pathsOverlap('/x/[a-c^\\]', '/x/d')).toBe(false);
    const result = await lintText(
      'From alpine:latest\n\nRUN apk update && apk add --update iputils \\\n\n  && rm -rf /var/cache/aINT ["p"-c".8"]\n',
      'Dockerfile',
    );
    expect(result.ruleFailures).toEqual([]);
  });
});
