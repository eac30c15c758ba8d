import { describe, expect, test } from '@jest/globals';
import { dockerfile, findings, hits } from '../helpers.js';
import rule from '../../rules/package-cache-left.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: the pnpm store, whose files node_modules hard-links (stored once in the layer)',
        code: 'FROM node:20\nRUN npm i -g pnpm@9 && npm cache clean --force\nRUN pnpm install --frozen-lockfile\nRUN pnpm add -g tsx\n',
      },
      {
        name: 'quiet: cleaned in the same RUN, no-cache flags, PIP_NO_CACHE_DIR, cache mounts',
        code: dockerfile`
      FROM debian:12
      ENV PIP_NO_CACHE_DIR=1
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
      RUN apk add --no-cache git
      RUN apk update && apk add --update iputils && rm -rf /var/cache/apk/*
      RUN pip install flask
      RUN pip install --no-cache-dir requests
      RUN --mount=type=cache,target=/root/.npm npm ci
      RUN yum install -y gcc && yum clean all
      RUN apt-get install -y curl
    `,
      },
      {
        name: 'pip reads --no-cache as --no-cache-dir (optparse prefixes) and any boolean PIP_NO_CACHE_DIR as off (1)',
        code: dockerfile`
      FROM python:3.12
      RUN pip install --no-cache flask
      RUN pip3 install --no-cache-d requests
      RUN PIP_NO_CACHE_DIR=false pip install rich
      RUN PIP_NO_CACHE_DIR=0 python -m pip install click
    `,
      },
      {
        name: 'an export earlier in the same RUN is in the environment of the commands after it (1)',
        code: dockerfile`
      FROM python:3.12
      RUN export PIP_NO_CACHE_DIR=1 && pip install flask
      RUN set -eux; export npm_config_cache=/tmp/npm; npm ci; rm -rf /tmp/npm
      RUN PIP_NO_CACHE_DIR=1; export PIP_NO_CACHE_DIR; pip install rich
      RUN export PIP_NO_CACHE_DIR=1 && sh -c "pip install click"
    `,
      },
      {
        name: 'quiet: the cache deleted where the tool says it is (rm -rf "$(composer config cache-dir)", $(pip cache dir)/*, …) (1)',
        code: dockerfile`
      FROM php:8.3-cli
      ENV GOCACHE=/tmp/go-build
      RUN composer install --no-scripts && rm -rf "$(composer config cache-dir)" "$(composer config data-dir)"
      RUN pip3 install flask && rm -rf $(pip cache dir)/*
      RUN npm ci && rm -rf "$(npm config get cache)"
      RUN yarn install && rm -rf "$(yarn cache dir)"
      RUN go build ./... && rm -rf "$(go env GOCACHE)" "$(go env GOMODCACHE)"
    `,
      },
      {
        name: 'quiet in a builder stage that does not ship (stage-aware, unlike DL3009)',
        code: dockerfile`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y gcc
      RUN pip install cython
      FROM debian:12-slim
      COPY --from=build /usr/bin/gcc /tmp/gcc
    `,
      },
      {
        name: '# hadolint ignore=DL3009 suppresses it',
        code: 'FROM debian:12\n# hadolint ignore=DL3009\nRUN apt-get update && apt-get install -y curl\n',
      },
    ],
    invalid: [
      {
        name: 'fires on each cache left in the final image',
        code: dockerfile`
      FROM debian:12
      RUN apt-get update && apt-get install -y --no-install-recommends curl
      RUN apk add git
      RUN pip install flask
      RUN npm ci
      RUN yum install -y gcc
      RUN yarn install
    `,
        findings: [2, 3, 4, 5, 6, 7],
      },
      {
        name: 'pip reads --no-cache as --no-cache-dir (optparse prefixes) and any boolean PIP_NO_CACHE_DIR as off (2)',
        code: dockerfile`
      FROM python:3.12
      RUN pip install --no-c flask
      RUN pip install --no-cache-dirs flask
      RUN PIP_NO_CACHE_DIR= pip install flask
    `,
        findings: [2, 3, 4],
      },
      {
        name: 'an export earlier in the same RUN is in the environment of the commands after it (2)',
        code: dockerfile`
      FROM python:3.12
      RUN PIP_NO_CACHE_DIR=1; pip install flask
      RUN pip install rich && export PIP_NO_CACHE_DIR=1
      RUN export PIP_NO_CACHE_DIR=1 && unset PIP_NO_CACHE_DIR && pip install click
    `,
        findings: [2, 3, 4],
      },
      {
        name: 'quiet: the cache deleted where the tool says it is (rm -rf "$(composer config cache-dir)", $(pip cache dir)/*, …) (2), but this case fires',
        code: 'FROM php:8.3-cli\nRUN composer install && rm -rf "$(composer config data-dir)"\n',
        findings: [2],
      },
      {
        name: 'quiet: the cache deleted where the tool says it is (rm -rf "$(composer config cache-dir)", $(pip cache dir)/*, …) (3), but this case fires',
        code: 'FROM python:3.12\nRUN pip install flask && rm -rf "$(mktemp -d)"\n',
        findings: [2],
      },
    ],
  });

  test('advice matches the package manager', async () => {
    const [apt, apk, pip] = (
      await lintRule(rule, 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apk add git\nRUN pip3 install flask\n')
    ).filter((f) => f.ruleId === rule.meta.id);
    expect(apt.message).toContain('rm -rf /var/lib/apt/lists/*');
    expect(apk.message).toContain('apk add --no-cache');
    expect(pip.message).toContain('--no-cache-dir');
  });

  test('Bundler keeps the .gem files it downloaded: in GEM_HOME/cache, or <path>/ruby/*/cache with a path of its own', async () => {
    const found = (
      await lintRule(
        rule,
        dockerfile`
      FROM ruby:3.3-slim
      WORKDIR /app
      RUN bundle install --jobs 4
      RUN gem install foreman
      RUN bundle install --path vendor/bundle
      RUN BUNDLE_DEPLOYMENT=1 bundle
    `,
      )
    ).filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => [f.range.start.line + 1, f.properties.cachePath])).toEqual([
      [3, '/usr/local/bundle/cache'],
      [4, '/usr/local/bundle/cache'],
      [5, '/app/vendor/bundle/ruby/*/cache'],
      [6, '/app/vendor/bundle/ruby/*/cache'],
    ]);
    expect(found[0].message).toContain('add `&& rm -rf /usr/local/bundle/cache`');
    // No cache mount on a path with a glob in it.
    expect(found[2].fix?.description).not.toContain('--mount');
    // Cleaned as the Rails template does; GEM_HOME unknown (Debian's ruby); a bundle config that may move the gems.
    expect(
      await ruleHits(
        rule,
        dockerfile`
      FROM ruby:3.3-slim
      ENV BUNDLE_DEPLOYMENT="1" BUNDLE_PATH="/usr/local/bundle"
      RUN bundle install && rm -rf ~/.bundle/ "\${BUNDLE_PATH}"/ruby/*/cache "\${BUNDLE_PATH}"/ruby/*/bundler/gems/*/.git
      RUN gem install bundler && rm -rf /usr/local/bundle/cache
      RUN bundle install --path vendor/bundle && rm -rf vendor/bundle/ruby/3.3.0/cache/*.gem
    `,
      ),
    ).toEqual([]);
    expect(
      await ruleHits(rule, 'FROM debian:12\nRUN apt-get install -y ruby && gem install bundler && bundle install && rm -rf /var/lib/apt/lists/*\n'),
    ).toEqual([]);
    expect(
      await ruleHits(rule, 'FROM ruby:3.3\nRUN bundle config set --local deployment true && bundle install && rm -rf vendor/bundle/ruby/*/cache\n'),
    ).toEqual([]);
    // A bundle config in an earlier RUN, also of the stage it is built FROM, may have moved the gems too.
    expect(
      await ruleHits(
        rule,
        'FROM ruby:3.3 AS base\nRUN bundle config set --local path vendor/bundle\nFROM base\nRUN bundle install && rm -rf vendor/bundle/ruby/*/cache\n',
      ),
    ).toEqual([]);
  });

  test('Poetry keeps the wheels it downloaded in its cache dir (POETRY_CACHE_DIR, else ~/.cache/pypoetry)', async () => {
    const found = (
      await lintRule(
        rule,
        dockerfile`
      FROM python:3.12-slim
      RUN pip install --no-cache-dir poetry==1.8.3
      RUN poetry install --no-root
      USER app
      RUN poetry sync
    `,
      )
    ).filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => [f.range.start.line + 1, f.properties.cachePath])).toEqual([
      [3, '/root/.cache/pypoetry'],
      [5, '/home/app/.cache/pypoetry'],
    ]);
    expect(found[0].message).toContain('add `&& rm -rf /root/.cache/pypoetry`');
    expect(
      await ruleHits(
        rule,
        dockerfile`
      FROM python:3.12-slim
      ENV POETRY_CACHE_DIR=/tmp/poetry_cache
      RUN poetry install --only main && rm -rf $POETRY_CACHE_DIR
      RUN --mount=type=cache,target=/tmp/poetry_cache poetry install
      RUN poetry lock && poetry config virtualenvs.create false
    `,
      ),
    ).toEqual([]);
  });

  test('a cache cleaned in a later RUN is left to cleanup-in-separate-layer', async () => {
    const result = await findings('FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n');
    expect(result.map((f) => f.ruleId).filter((id) => id === 'package-cache-left' || id === 'cleanup-in-separate-layer')).toEqual([
      'cleanup-in-separate-layer',
    ]);
  });
});

describe('package-cache-left: one line, one piece of advice', () => {
  // Shaped like grafana's old Dockerfile: `RUN apt-get update -y` alone, then `RUN apt-get install …`.
  // package-index-alone says "join the update to the install"; "rm -rf the lists here" would break the next RUN.
  test('quiet on an update with no install in the RUN (package-index-alone reports it)', async () => {
    const text = 'FROM debian:12\nRUN apt-get update -y\nRUN apt-get install -y --no-install-recommends vim && rm -rf /var/lib/apt/lists/*\n';
    expect(await ruleHits(rule, text)).toEqual([]);
    expect(await hits('package-index-alone', text)).toEqual([2]);
  });

  test('apk update && apk upgrade: the advice names --no-cache for the upgrade', async () => {
    const found = (await lintRule(rule, 'FROM alpine:3.22\nRUN apk update && apk upgrade\n')).filter((f) => f.ruleId === 'package-cache-left');
    expect(found.map((f) => f.range.start.line + 1)).toEqual([2]);
    expect(found[0].message).toContain('apk upgrade --no-cache');
  });
});

describe('package-cache-left: package managers as they are really called', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'apk add --no-network keeps no index',
        code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc && make && apk add --no-network --virtual .rundeps so:libssl.so.3 && apk del --no-network .build-deps\n',
      },
    ],
    invalid: [
      {
        name: 'apt-get autoremove or purge in the same RUN does not delete the package lists (1)',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get -y autoremove\nCMD ["curl"]\n',
        findings: [2],
      },
      {
        name: 'apt-get autoremove or purge in the same RUN does not delete the package lists (2)',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get purge -y gcc\n',
        findings: [2],
      },
    ],
  });

  test("dnf's short forms and microdnf's own cache", async () => {
    const found = (
      await lintRule(rule, 'FROM fedora:40\nRUN dnf in -y curl\nFROM registry.access.redhat.com/ubi9-minimal\nRUN microdnf install -y tar\n')
    ).filter((f) => f.ruleId === 'package-cache-left');
    expect(found.map((f) => f.properties.cachePath)).toEqual(['/var/cache/yum']);
    const fedora = (await lintRule(rule, 'FROM fedora:40\nRUN dnf in -y curl\n')).filter((f) => f.ruleId === 'package-cache-left');
    expect(fedora.map((f) => f.properties.cachePath)).toEqual(['/var/cache/dnf']);
    expect(found[0].message).toContain('microdnf clean all');
  });
});
