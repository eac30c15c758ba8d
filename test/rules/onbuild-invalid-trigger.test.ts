import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'onbuild-invalid-trigger';

describe(rule, () => {
  test('fires on ONBUILD ONBUILD, FROM and MAINTAINER', async () => {
    expect(await hits(rule, 'FROM node:22\nONBUILD ONBUILD RUN x\nONBUILD FROM alpine\nonbuild maintainer me\n')).toEqual([2, 3, 4]);
  });

  test('quiet: ordinary triggers', async () => {
    expect(await hits(rule, 'FROM node:22\nONBUILD COPY . /app\nONBUILD RUN npm ci\n')).toEqual([]);
  });
});
