import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'expose-invalid';

describe(rule, () => {
  test('fires on host mappings, IPs, out-of-range ports and unknown protocols, each at its word', async () => {
    expect(await hits(rule, 'FROM nginx:1\nEXPOSE 8080:80 127.0.0.1:53/udp\nEXPOSE 70000 80/http\n')).toEqual([2, 2, 3, 3]);
  });

  test('quiet: ports, ranges, protocols in any case, variables', async () => {
    expect(await hits(rule, 'FROM nginx:1\nEXPOSE 80 443/tcp 53/UDP 8000-8010/udp 0 65535 132/sctp\nEXPOSE ${PORT} $P/tcp\n')).toEqual([]);
  });
});
