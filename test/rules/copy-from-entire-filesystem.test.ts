import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'copy-from-entire-filesystem';

describe(rule, () => {
  test('fires on COPY --from=<stage> / …', async () => {
    expect(await hits(rule, 'FROM golang:1 AS build\nFROM debian:12\nCOPY --from=build / /\nCOPY --from=build /. /rootfs/\n')).toEqual([3, 4]);
  });

  test('quiet: specific paths, context copies of /', async () => {
    expect(await hits(rule, 'FROM golang:1 AS build\nFROM debian:12\nCOPY --from=build /out/app /app\nCOPY / /src/\n')).toEqual([]);
  });
});
