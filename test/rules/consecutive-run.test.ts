import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'consecutive-run';

describe(rule, () => {
  test('fires on adjacent short RUNs with the same flags, comments between them included', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN mkdir /a\n# then\nRUN chown 1 /a\n')).toEqual([4]);
  });

  test('quiet: another instruction between, different mounts, more than two commands, heredocs', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN mkdir /a\nENV X=1\nRUN chown 1 /a\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache make\nRUN make install\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nRUN a && b && c\nRUN d\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nRUN <<EOF\nmkdir /a\nEOF\nRUN chown 1 /a\n')).toEqual([]);
  });
});
