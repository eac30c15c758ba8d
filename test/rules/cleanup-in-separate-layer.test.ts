import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerfile, hits, model } from '../helpers.js';
import { loadBuildContext } from '../../src/model/context.js';
import rule from '../../rules/cleanup-in-separate-layer.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('the seed: RUN make /app then RUN rm -r $HOME/.cache', async () => {
    const text = dockerfile`
      FROM ubuntu:18.04
      COPY . /app
      RUN make /app
      RUN rm -r $HOME/.cache
      CMD python /app/app.py
    `;
    const [finding] = (await lintRule(rule, text)).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.range.start.line + 1).toBe(4);
    expect(finding.related[0].range.start.line + 1).toBe(3);
    expect(finding.message).toContain('created by `RUN make /app` on line 3');
  });

  test.each([
    ['apt lists', 'RUN apt-get update && apt-get install -y curl', 'RUN rm -rf /var/lib/apt/lists/*'],
    ['pip cache', 'RUN pip install flask', 'RUN pip cache purge'],
    ['npm cache', 'RUN npm ci', 'RUN npm cache clean --force'],
    ['yum cache', 'RUN yum install -y gcc', 'RUN yum clean all'],
    ['a download', 'RUN curl -fsSL -o /tmp/app.tgz https://x.io/app.tgz && tar -xzf /tmp/app.tgz -C /opt', 'RUN rm /tmp/app.tgz'],
    ['a wget into the workdir', 'RUN wget https://x.io/tool.tar.gz', 'RUN rm tool.tar.gz'],
    ['a git clone', 'RUN git clone https://github.com/x/y.git /src/y', 'RUN rm -rf /src/y/.git'],
    ['build deps purged', 'RUN apt-get update && apt-get install -y build-essential && rm -rf /var/lib/apt/lists/*', 'RUN apt-get purge -y build-essential'],
  ])('fires: %s deleted in a later RUN', async (_name, create, cleanup) => {
    expect(await ruleHits(rule, `FROM debian:12\nWORKDIR /w\n${create}\n${cleanup}\n`)).toEqual([4]);
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: apt-get clean in a later RUN deletes nothing an earlier layer kept',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get clean\n',
      },
      {
        name: 'quiet: cleanup in the same RUN (the seed "after" version)',
        code: dockerfile`
      FROM ubuntu:18.04
      COPY . /app
      RUN make /app \\
          && rm -r $HOME/.cache
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
    `,
      },
      {
        name: 'quiet: deleting files no earlier layer is known to create, or in a stage that does not ship (1)',
        code: 'FROM debian:12\nRUN rm -rf /usr/share/doc/*\nRUN rm -f /etc/motd\n',
      },
      {
        name: 'quiet: deleting files no earlier layer is known to create, or in a stage that does not ship (2)',
        code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nRUN rm -rf /var/lib/apt/lists/*\nFROM debian:12\nCOPY --from=build /etc/os-release /x\n',
      },
      {
        name: 'quiet: each RUN cleans what it made; a later RUN repeating the cleanup wastes nothing (docker-library style)',
        code:
          'FROM debian:12\nRUN apt-get update; apt-get install -y tzdata; rm -rf /var/lib/apt/lists/*\n' +
          'RUN apt-get update; apt-get install -y gcc; make; apt-get purge -y gcc; rm -rf /var/lib/apt/lists/*\n',
      },
      {
        name: 'quiet: a later RUN deletes only the part the earlier RUN had already removed itself (the Rails template) (1)',
        code:
          `FROM ruby:3.4-slim AS base\nRUN apt-get update -qq && apt-get install --no-install-recommends -y curl && ${'rm -rf /var/lib/apt/lists /var/cache/apt/archives'}\n` +
          `FROM base\nRUN apt-get update -qq && apt-get install --no-install-recommends -y libvips && ${'rm -rf /var/lib/apt/lists /var/cache/apt/archives'}\n`,
      },
      {
        name: 'quiet: the cache lived on a cache mount',
        code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\nRUN rm -rf /root/.cache/pip\n',
      },
    ],
    invalid: [
      {
        name: 'fires across FROM <stage> into the final image',
        code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN rm -rf /var/lib/apt/lists/*\n',
        findings: [4],
      },
      {
        name: 'quiet: a later RUN deletes only the part the earlier RUN had already removed itself (the Rails template) (2), but this case fires',
        code:
          'FROM ruby:3.4-slim AS base\nRUN apt-get update -qq && apt-get install --no-install-recommends -y curl\n' +
          `FROM base\nRUN apt-get update -qq && apt-get install --no-install-recommends -y libvips && ${'rm -rf /var/lib/apt/lists /var/cache/apt/archives'}\n`,
        findings: [4],
      },
      {
        name: 'still fires when the first RUN deleted before creating, or only part of what it made (1)',
        code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n',
        findings: [3],
      },
      {
        name: 'still fires when the first RUN deleted before creating, or only part of what it made (2)',
        code: 'FROM python:3\nRUN pip install flask && rm -rf /root/.cache/pip/http\nRUN rm -rf /root/.cache/pip\n',
        findings: [3],
      },
    ],
  });

  test('deleting what COPY brought in: known junk without a context, real files with one', async () => {
    expect(await ruleHits(rule, 'FROM node:20\nCOPY . /app\nRUN rm -rf /app/.git\n')).toEqual([3]);
    expect(await ruleHits(rule, 'FROM node:20\nCOPY . /app\nRUN npm run build && rm -rf /app/build/tmp\n')).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'big.pdf'), '');
    writeFileSync(join(dir, 'main.go'), '');
    const context = loadBuildContext(dir);
    expect(await ruleHits(rule, 'FROM golang:1.22\nCOPY . /src\nRUN rm -rf /src/docs\n', { context })).toEqual([3]);
    expect(await ruleHits(rule, 'FROM golang:1.22\nCOPY . /src\nRUN rm -rf /src/vendor\n', { context })).toEqual([]);
  });

  test('a file copied only to be used and deleted: the advice is a bind mount (or downloading it in that RUN)', async () => {
    const text = dockerfile`
      FROM debian:12
      COPY install.sh /tmp/
      RUN sh /tmp/install.sh && rm /tmp/install.sh
      COPY --from=tools /bin/setup /usr/local/bin/setup
      RUN setup && rm /usr/local/bin/setup
      ADD https://example.com/get.sh /tmp/get.sh
      RUN sh /tmp/get.sh && rm -f /tmp/get.sh
    `;
    const found = (await lintRule(rule, text)).filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => f.range.start.line + 1)).toEqual([3, 5, 7]);
    expect(found[0].message).toContain('`RUN --mount=type=bind,source=install.sh,target=/tmp/install.sh …`');
    expect(found[1].message).toContain('--mount=type=bind,from=tools,source=/bin/setup,target=/usr/local/bin/setup');
    expect(found[2].message).toContain('download it in the RUN that uses and deletes it');
  });

  test('quiet: a copied archive this RUN unpacks and deletes (archive-copied-then-extracted reports it, once)', async () => {
    const text = 'FROM debian:12\nWORKDIR /app\nCOPY app.tar.gz .\nRUN tar xzf app.tar.gz && rm app.tar.gz\n';
    expect(await ruleHits(rule, text)).toEqual([]);
    expect(await hits('archive-copied-then-extracted', text)).toEqual([4]);
  });

  test('offers a merge edit when both RUNs are plain', async () => {
    const [finding] = (await lintRule(rule, 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n')).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(finding.fix?.edits?.map((e) => e.newText)).toEqual([' \\\n    && rm -rf /var/lib/apt/lists/*', '']);
  });
});

describe('cleanup-in-separate-layer: what the same RUN made is resolved first', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet for a file the deleting RUN created itself, even under a tree an earlier RUN extracted',
        code: dockerfile`
      FROM ruby:3.2
      WORKDIR /usr/src/redmine
      RUN curl -fL -o redmine.tar.gz "$URL"; tar -xf redmine.tar.gz --strip-components=1; rm redmine.tar.gz
      RUN echo x > ./config/database.yml; bundle install; rm ./config/database.yml
    `,
      },
      {
        name: 'quiet for a download installed and deleted in one RUN after a tar was extracted into /',
        code: dockerfile`
      FROM debian:12
      RUN curl -fsSL https://x.io/rootfs.tar.gz | tar -xz -C /
      RUN curl -fsSLO https://x.io/tool.deb && dpkg -i tool.deb && rm tool.deb
    `,
      },
      {
        name: 'quiet when a RUN that built something deletes cache-like folders under a COPY of the context',
        code: dockerfile`
      FROM ruby:3.3
      WORKDIR /opt/mastodon
      COPY . /opt/mastodon
      RUN rails assets:precompile; rm -rf /tmp/* tmp/* log/* .cache/*
    `,
      },
    ],
    invalid: [
      {
        name: 'still fires when the RUN only deletes what the COPY of the context brought',
        code: dockerfile`
      FROM node:22
      WORKDIR /app
      COPY . /app
      RUN rm -rf /app/.git
    `,
        findings: [4],
      },
    ],
  });
});

describe('cleanup-in-separate-layer: ~user paths', () => {
  // docker-library/redmine: `rm -rf ~redmine/.bundle` removes the redmine user's ~/.bundle, not a folder in WORKDIR.
  test("`~name/…` is that user's home, not a path under the working directory", async () => {
    const found = await model(
      'FROM ruby:3.2\nWORKDIR /usr/src/redmine\nRUN tar -xf redmine.tar.gz --strip-components=1\nRUN rm -rf ~redmine/.bundle ~root/.cache\n',
    );
    expect(found.steps.find((s) => s.instruction.argumentsText.startsWith('rm'))!.deleted.map((d) => d.path)).toEqual([
      '/home/redmine/.bundle',
      '/root/.cache',
    ]);
  });
});

describe('cleanup-in-separate-layer: bind-mount advice that works as written', () => {
  // Shaped like paperless-ngx: COPY docker/ ./docker/, then cd docker && chmod +x … && ./install.sh && rm docker -rf.
  test('rw when the RUN changes files in the copied folder, and without the rm', async () => {
    const [finding] = (
      await lintRule(
        rule,
        'FROM python:3.9\nWORKDIR /app\nCOPY docker/ ./docker/\nRUN cd docker && chmod +x install.sh && ./install.sh && cd .. && rm docker -rf\n',
      )
    ).filter((f) => f.ruleId === 'cleanup-in-separate-layer');
    expect(finding.message).toContain('RUN --mount=type=bind,source=docker/,target=/app/docker,rw …`, without the rm');
    const [readOnly] = (await lintRule(rule, 'FROM debian:12\nCOPY install.sh /tmp/install.sh\nRUN sh /tmp/install.sh && rm /tmp/install.sh\n')).filter(
      (f) => f.ruleId === 'cleanup-in-separate-layer',
    );
    expect(readOnly.message).toContain('target=/tmp/install.sh …`, without the rm');
  });
});

describe('cleanup-in-separate-layer: every deleted file, and secrets', () => {
  test('names every file the RUN deletes of what one COPY made', async () => {
    const [finding] = (
      await lintRule(rule, 'FROM debian:12\nCOPY a.txt b.txt c.txt /tmp/\nRUN cat /tmp/*.txt && rm /tmp/a.txt /tmp/b.txt /tmp/c.txt\n')
    ).filter((f) => f.ruleId === 'cleanup-in-separate-layer');
    expect(finding.message).toContain('This deletes /tmp/a.txt, /tmp/b.txt and /tmp/c.txt, created by');
    expect(finding.message).toContain('mount them into the RUN that uses them instead of copying them (one bind mount each:');
  });

  // `COPY .npmrc …` then `RUN npm ci && rm .npmrc`: the token is still in the COPY layer.
  test('a credentials file copied and deleted later: a build secret, not a bind mount', async () => {
    const [finding] = (
      await lintRule(rule, 'FROM node:20\nWORKDIR /app\nCOPY .npmrc package.json package-lock.json ./\nRUN npm ci && rm .npmrc\nCOPY . .\n')
    ).filter((f) => f.ruleId === 'cleanup-in-separate-layer');
    expect(finding.message).toContain('anyone who pulls the image can read it');
    expect(finding.message).toContain('RUN --mount=type=secret,id=npmrc,target=/app/.npmrc');
    expect(finding.properties.secret).toBe(true);
  });
});
