import { describe, expect, test } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/package-index-alone.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: update and install in the same RUN, including heredocs and apk --update',
        code: dockerfile`
      FROM debian:12
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      RUN apk update && apk add --update iputils
      RUN <<EOF
      apt-get update
      apt-get upgrade -y
      EOF
    `,
      },
    ],
    invalid: [
      {
        name: 'fires on apt-get update, apk update, yum/dnf makecache alone',
        code: dockerfile`
      FROM debian:12
      RUN apt-get update
      RUN apt-get install -y curl
      RUN apk update
      RUN yum makecache && echo done
      RUN dnf makecache
    `,
        findings: [2, 4, 5, 6],
      },
    ],
  });

  test('an update whose RUN deletes the index again caches nothing stale: the message says it only costs time', async () => {
    const [finding] = (await lintRule(rule, 'FROM python:3.9\nRUN apt-get update && pip install "poetry==1.1.10" && rm -rf /var/lib/apt/lists/*\n')).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(finding.range.start.line).toBe(1);
    expect(finding.message).toContain('only costs build time');
    expect(finding.message).not.toContain('stale');
    // Deleted before the update: the index of the update stays, as does the usual message.
    const [stale] = (await lintRule(rule, 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(stale.message).toContain('stale');
  });
});

describe('package-index-alone: apt on an Alpine base', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: there is no apt on Alpine, so no index to go stale',
        code: 'FROM golang:1.18-alpine AS builder\nFROM builder AS dev\nRUN apt update && apt add git\n',
      },
    ],
  });
});

describe('package-index-alone: the fix', () => {
  ruleTester(rule, {
    invalid: [
      {
        name: 'an update alone right before its install moves into it (safe)',
        code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
        findings: [2],
        output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
      },
      {
        name: 'no edit when the next RUN is not that install, or has flags',
        code: 'FROM debian:12\nRUN apt-get update\nENV A=1\nRUN apt-get install -y curl\nRUN apt-get update\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y git\n',
        findings: [2, 5],
        output: null,
      },
    ],
  });
});
