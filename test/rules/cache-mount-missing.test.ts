import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/cache-mount-missing.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test("suggests a cache mount at the path each tool writes to (the official images' GOPATH, CARGO_HOME)", async () => {
    const found = (
      await lintRule(
        rule,
        'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM rust:1.79\nCOPY . .\nRUN cargo build --release\nFROM node:20\nRUN npm ci\n',
      )
    ).filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => f.properties.cachePaths)).toEqual([['/go/pkg/mod', '/root/.cache/go-build'], ['/usr/local/cargo/registry'], ['/root/.npm']]);
  });

  test('apt: both folders with sharing=locked, and the docker-clean hook removed', async () => {
    const [finding] = (await lintRule(rule, 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n')).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(finding.message).toContain('--mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=cache,target=/var/cache/apt,sharing=locked');
    expect(finding.message).toContain('rm -f /etc/apt/apt.conf.d/docker-clean');
  });

  // `go mod download` then `go build`: a mount over /go/pkg/mod on the build alone would hide the downloaded modules.
  test('not for a cache an earlier layer holds; the step that fills it is told which later steps need the mount', async () => {
    const found = (
      await lintRule(rule, 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n')
    ).filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => f.properties.cachePaths)).toEqual([['/go/pkg/mod'], ['/root/.cache/go-build']]);
    expect(found[0].message).toContain('here and on line 6, which reads it');
  });

  test('quiet: a cache mount already there, no cache kept (pip --no-cache-dir), and off by default', async () => {
    expect(
      await ruleHits(rule, 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\nRUN pip install --no-cache-dir requests\n'),
    ).toEqual([]);
    const { lintText } = await import('../../src/lint.js');
    expect((await lintText('FROM node:20\nRUN npm ci\n', 'Dockerfile')).findings.map((f) => f.ruleId)).not.toContain(rule);
  });
});

describe('cache-mount-missing: the fix (unsafe)', () => {
  ruleTester(rule, {
    invalid: [
      {
        name: 'adds the mount to the RUN',
        code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
        findings: [3],
        output: 'FROM python:3.12\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
      },
      {
        name: "no edit as another user (the mount is root's) or for apt (its docker-clean hook must go too)",
        code: 'FROM node:20\nUSER node\nRUN npm ci\nFROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
        findings: [3, 5],
        output: null,
      },
    ],
  });
});
