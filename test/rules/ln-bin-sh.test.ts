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
