import { describe, expect, test } from '@jest/globals';
import { dockerfile, findings, hits } from '../helpers.js';

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

  test('an exec-form RUN (RUN ["chmod", "+x", …]) too: the file lands in the WORKDIR named without a slash', async () => {
    expect(await hits(rule, dockerfile`
      FROM python:3.11
      WORKDIR /srv
      COPY docker_entrypoint.sh /srv
      RUN ["chmod", "+x", "/srv/docker_entrypoint.sh"]
    `)).toEqual([4]);
  });

  test('relative targets resolve against WORKDIR', async () => {
    expect(await hits(rule, 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN chmod -R g+w .\n')).toEqual([4]);
  });

  test('names the COPY that wrote the file, not another COPY into the same directory (regression)', async () => {
    const text = dockerfile`
      FROM python:3.12-slim
      WORKDIR /app
      COPY docker/entrypoint.sh /app/
      COPY requirements.txt /app/
      RUN pip install --no-cache-dir -r requirements.txt
      RUN chmod +x entrypoint.sh
    `;
    const found = (await findings(text)).filter((f) => f.ruleId === rule);
    expect(found.map((f) => f.related?.[0].range.start.line)).toEqual([2]);
    expect(found[0].message).toContain('`COPY docker/entrypoint.sh /app/` on line 3');
  });

  test('quiet: one script inside a copied tree (it costs only its own bytes; COPY --chmod would change every file)', async () => {
    expect(await hits(rule, 'FROM eclipse-temurin:21-jdk\nWORKDIR /app\nCOPY . .\nRUN chmod +x ./gradlew && ./gradlew build\n')).toEqual([]);
    expect(await hits(rule, 'FROM python:3.12-slim\nCOPY . /app\nRUN chmod +x /app/scripts/*.sh\n')).toEqual([]);
  });

  test('quiet: the changed file was not written by any COPY (only other files of its directory were)', async () => {
    expect(await hits(rule, dockerfile`
      FROM python:3.12-slim
      COPY requirements.txt /app/
      RUN pip install --no-cache-dir -r /app/requirements.txt && printf '#!/bin/sh\n' > /app/run.sh
      RUN chmod +x /app/run.sh
    `)).toEqual([]);
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
