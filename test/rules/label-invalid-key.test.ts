import { describe } from '@jest/globals';
import rule from '../../rules/label-invalid-key.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: reverse-DNS keys, simple lowercase keys, variables',
        code: 'FROM alpine:3\nLABEL org.opencontainers.image.source=x version=1 maintainer=me $KEY=v\n',
      },
    ],
    invalid: [
      {
        name: 'fires on uppercase, odd characters, doubled separators, reserved namespaces',
        code: 'FROM alpine:3\nLABEL Maintainer=x\nLABEL my_label=x\nLABEL a..b=x\nLABEL com.docker.x=1\nLABEL a-=1\n',
        findings: [2, 3, 4, 5, 6],
      },
    ],
  });
});
