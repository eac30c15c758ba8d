import { describe, expect, test } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/copy-from-unknown-stage.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: earlier stages by name or index, and real image references',
        code: dockerfile`
      FROM golang:1.22 AS build
      FROM alpine:3.19
      COPY --from=build /app /app
      COPY --from=BUILD /app /app2
      COPY --from=0 /app /app3
      COPY --from=nginx:alpine /etc/nginx /etc/nginx
      COPY --from=nginx /etc/nginx /etc/nginx2
      COPY --from=ghcr.io/acme/tools:1 /bin/tool /bin/tool
      COPY --from=$BASE /x /x
    `,
      },
    ],
    invalid: [
      {
        name: 'fires on a typo, a later stage, itself, an out-of-range index, an upper-case name',
        code: dockerfile`
      FROM golang:1.22 AS builder
      RUN go build -o /app .
      FROM alpine:3.19 AS final
      COPY --from=buidler /app /app
      COPY --from=assets /x /x
      COPY --from=final /y /y
      COPY --from=5 /z /z
      COPY --from=Builder2 /w /w
      FROM alpine:3.19 AS assets
    `,
        findings: [4, 5, 6, 7, 8],
      },
    ],
  });

  test('suggests the stage a typo was meant to be', async () => {
    const [finding] = (await lintRule(rule, 'FROM golang:1.22 AS builder\nFROM alpine\nCOPY --from=buidler /app /app\n')).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(finding.message).toContain('did you mean builder?');
  });
});
