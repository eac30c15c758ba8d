import { describe, expect, test } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/copy-source-outside-context.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires on a source that climbs above the context root, naming the path BuildKit reads instead', async () => {
    const text = dockerfile`
      FROM debian:12
      WORKDIR /app
      COPY ../certs/server.crt /app/certs/server.crt
      ADD ./lib/../../shared /app/shared
      COPY main.go ../go.mod ./
    `;
    const found = (await lintRule(rule, text)).filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => f.range.start.line + 1)).toEqual([3, 4, 5]);
    expect(found[0].message).toContain("BuildKit copies the context's `certs/server.crt` instead");
    expect(found.map((f) => f.properties.resolvedInContext)).toEqual(['certs/server.crt', 'shared', 'go.mod']);
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: `..` that stays inside the context, a destination with `..`, --from, URLs',
        code: dockerfile`
      FROM golang:1.22 AS build
      COPY ./cmd/../go.mod ./
      COPY src ../src
      FROM alpine:3.19
      WORKDIR /app/bin
      COPY --from=build ../go/bin/app .
      ADD https://example.com/../x.tgz /tmp/
    `,
      },
    ],
    invalid: [
      {
        name: 'an ARG default is substituted as Docker does',
        code: 'FROM alpine:3.19\nARG DIR=..\nCOPY $DIR/config /etc/app/\nCOPY $UNSET/config /etc/app/\n',
        findings: [3],
      },
    ],
  });
});
