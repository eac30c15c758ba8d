import { describe, expect, test } from '@jest/globals';
import { dockerfile, findings, hits } from '../helpers.js';

const rule = 'copy-source-outside-context';

describe(rule, () => {
  test('fires on a source that climbs above the context root, naming the path BuildKit reads instead', async () => {
    const text = dockerfile`
      FROM debian:12
      WORKDIR /app
      COPY ../certs/server.crt /app/certs/server.crt
      ADD ./lib/../../shared /app/shared
      COPY main.go ../go.mod ./
    `;
    const found = (await findings(text)).filter((f) => f.ruleId === rule);
    expect(found.map((f) => f.range.start.line + 1)).toEqual([3, 4, 5]);
    expect(found[0].message).toContain("BuildKit copies the context's `certs/server.crt` instead");
    expect(found.map((f) => f.properties.resolvedInContext)).toEqual(['certs/server.crt', 'shared', 'go.mod']);
  });

  test('an ARG default is substituted as Docker does', async () => {
    expect(await hits(rule, 'FROM alpine:3.19\nARG DIR=..\nCOPY $DIR/config /etc/app/\nCOPY $UNSET/config /etc/app/\n')).toEqual([3]);
  });

  test('quiet: `..` that stays inside the context, a destination with `..`, --from, URLs', async () => {
    expect(await hits(rule, dockerfile`
      FROM golang:1.22 AS build
      COPY ./cmd/../go.mod ./
      COPY src ../src
      FROM alpine:3.19
      WORKDIR /app/bin
      COPY --from=build ../go/bin/app .
      ADD https://example.com/../x.tgz /tmp/
    `)).toEqual([]);
  });
});
