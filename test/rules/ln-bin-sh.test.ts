import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'ln-bin-sh';

describe(rule, () => {
  test('fires when /bin/sh is relinked', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\nRUN ln -s -f bash /bin/sh\n')).toEqual([2, 3]);
  });

  test('quiet: other links, SHELL', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/sh && ln -sf /usr/bin/python3 /usr/bin/python\nSHELL ["/bin/bash", "-c"]\n')).toEqual([]);
  });
});

describe(`${rule}: images with no /bin/sh of their own`, () => {
  // grafana/loki: FROM gcr.io/distroless/static:debug, SHELL ["/busybox/sh", "-c"], RUN … ln -s /busybox/sh /bin/sh.
  test('quiet when the link adds a /bin/sh the image did not have (distroless, scratch)', async () => {
    expect(await hits(rule, 'FROM gcr.io/distroless/static:debug\nSHELL ["/busybox/sh", "-c"]\nRUN ln -s /busybox/sh /bin/sh\n')).toEqual([]);
  });
});
