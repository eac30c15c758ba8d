import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'sh-c-entrypoint-with-cmd';

describe(rule, () => {
  test('fires when CMD words would become $0 $1 of a script that ignores them', async () => {
    expect(await hits(rule, 'FROM alpine\nENTRYPOINT ["sh", "-c", "echo hello"]\nCMD ["world"]\n')).toEqual([2]);
  });

  test('quiet: the script reads "$@" or $0, no CMD, or not sh -c', async () => {
    expect(await hits(rule, 'FROM alpine\nENTRYPOINT ["sh", "-c", "exec \\"$0\\" \\"$@\\""]\nCMD ["node"]\n')).toEqual([]);
    expect(await hits(rule, 'FROM alpine\nENTRYPOINT ["sh", "-c", "echo hello"]\n')).toEqual([]);
    expect(await hits(rule, 'FROM alpine\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["world"]\n')).toEqual([]);
  });
});
