import { describe, expect, test } from '@jest/globals';
import { dockerfile, hits } from '../helpers.js';

describe('parse-error', () => {
  test('fires on an unknown instruction, RUN before FROM, an empty instruction', async () => {
    expect(await hits('parse-error', dockerfile`
      RUN echo before
      FROM alpine:3.19
      FORM alpine
      RUN
    `)).toEqual([1, 3, 4]);
  });

  test('fires on an empty file and on a file with no FROM', async () => {
    expect(await hits('parse-error', '')).toEqual([1]);
    expect(await hits('parse-error', 'ARG A=1\n')).toEqual([1]);
  });

  test('quiet on a valid file with global ARGs, heredocs, ONBUILD and lower-case keywords', async () => {
    expect(await hits('parse-error', dockerfile`
      # syntax=docker/dockerfile:1
      ARG BASE=alpine:3.19
      FROM \${BASE}
      run echo lower-case is valid
      RUN <<EOF
      echo heredoc
      EOF
      ONBUILD RUN echo later
    `)).toEqual([]);
  });
});
