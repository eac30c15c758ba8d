import { describe, expect, test } from '@jest/globals';
import { dockerfile, hits } from '../helpers.js';

const rule = 'permission-change-separate-layer';

describe(rule, () => {
  test('fires on chown -R / chmod of what COPY or ADD created', async () => {
    expect(await hits(rule, dockerfile`
      FROM node:20
      WORKDIR /app
      COPY . .
      RUN chown -R node:node /app
      ADD https://x.io/tool /usr/local/bin/tool
      RUN chmod +x /usr/local/bin/tool
      COPY entrypoint.sh /entrypoint.sh
      RUN chmod 755 /entrypoint.sh
    `)).toEqual([4, 6, 8]);
  });

  test('relative targets resolve against WORKDIR', async () => {
    expect(await hits(rule, 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN chmod -R g+w .\n')).toEqual([4]);
  });

  test('quiet: COPY --chown/--chmod, chown of files the RUN creates, or a builder stage', async () => {
    expect(await hits(rule, dockerfile`
      FROM node:20
      COPY --chown=node:node . /app
      RUN mkdir /data && chown node /data
      RUN chmod 700 /root
    `)).toEqual([]);
    expect(await hits(rule, 'FROM node:20 AS build\nCOPY . /app\nRUN chown -R node /app\nFROM node:20-slim\nCOPY --from=build /app/dist /dist\n')).toEqual([]);
  });
});
