import { describe, expect, test } from '@jest/globals';
import { dockerfile, hits } from '../helpers.js';

const rule = 'static-step-after-broad-copy';

describe(rule, () => {
  test('fires on system package installs and tool downloads after a broad COPY', async () => {
    expect(await hits(rule, dockerfile`
      FROM debian:12
      COPY . /app
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      RUN apk add --no-cache git
      RUN curl -fsSL -o /usr/local/bin/tool https://example.com/tool && chmod +x /usr/local/bin/tool
      RUN npm install -g pnpm@9
    `)).toEqual([3, 4, 5, 6]);
  });

  test('fires on a download and a user creation', async () => {
    expect(await hits(rule, 'FROM alpine:3.19\nCOPY src /src\nRUN wget -q https://x.io/a.tgz -P /opt && useradd app\n')).toEqual([3]);
  });

  test('quiet: the RUN uses the copied files or does real work on them', async () => {
    expect(await hits(rule, dockerfile`
      FROM debian:12
      COPY . /app
      RUN apt-get update && xargs -a /app/packages.txt apt-get install -y
      RUN make -C /app
      RUN pip install -r /app/requirements.txt
      RUN mkdir -p /app/data
    `)).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nWORKDIR /app\nCOPY . .\nRUN apt-get update && xargs -a packages.txt apt-get install -y\n')).toEqual([]);
  });

  test('quiet: the install comes before the COPY, or the COPY is not broad', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nCOPY nginx.conf /etc/nginx/\nRUN apt-get update && apt-get install -y nginx\n')).toEqual([]);
  });
});
