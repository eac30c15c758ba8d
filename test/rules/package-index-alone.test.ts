import { describe, expect, test } from '@jest/globals';
import { dockerfile, hits } from '../helpers.js';

const rule = 'package-index-alone';

describe(rule, () => {
  test('fires on apt-get update, apk update, yum/dnf makecache alone', async () => {
    expect(await hits(rule, dockerfile`
      FROM debian:12
      RUN apt-get update
      RUN apt-get install -y curl
      RUN apk update
      RUN yum makecache && echo done
      RUN dnf makecache
    `)).toEqual([2, 4, 5, 6]);
  });

  test('quiet: update and install in the same RUN, including heredocs and apk --update', async () => {
    expect(await hits(rule, dockerfile`
      FROM debian:12
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      RUN apk update && apk add --update iputils
      RUN <<EOF
      apt-get update
      apt-get upgrade -y
      EOF
    `)).toEqual([]);
  });
});
