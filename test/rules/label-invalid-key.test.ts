import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'label-invalid-key';

describe(rule, () => {
  test('fires on uppercase, odd characters, doubled separators, reserved namespaces', async () => {
    expect(await hits(rule, 'FROM alpine:3\nLABEL Maintainer=x\nLABEL my_label=x\nLABEL a..b=x\nLABEL com.docker.x=1\nLABEL a-=1\n')).toEqual([2, 3, 4, 5, 6]);
  });

  test('quiet: reverse-DNS keys, simple lowercase keys, variables', async () => {
    expect(await hits(rule, 'FROM alpine:3\nLABEL org.opencontainers.image.source=x version=1 maintainer=me $KEY=v\n')).toEqual([]);
  });
});
