import { describe } from '@jest/globals';
import rule from '../../rules/expose-invalid.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: ports, ranges, protocols in any case, variables',
        code: 'FROM nginx:1\nEXPOSE 80 443/tcp 53/UDP 8000-8010/udp 0 65535 132/sctp\nEXPOSE ${PORT} $P/tcp\n',
      },
    ],
    invalid: [
      {
        name: 'fires on host mappings, IPs, out-of-range ports and unknown protocols, each at its word',
        code: 'FROM nginx:1\nEXPOSE 8080:80 127.0.0.1:53/udp\nEXPOSE 70000 80/http\n',
        findings: [2, 2, 3, 3],
      },
    ],
  });
});
