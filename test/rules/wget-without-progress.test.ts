import { describe } from '@jest/globals';
import rule from '../../rules/wget-without-progress.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: --progress, -q, -qO-, -nv, a log file, curl',
        code: 'FROM debian:12\nRUN wget --progress=dot:giga https://x && wget -q https://x && wget -qO- https://x\nRUN wget -nv https://x && wget -o log https://x && curl -O https://x\n',
      },
    ],
    invalid: [
      {
        name: 'fires on wget with its default progress output',
        code: 'FROM debian:12\nRUN wget https://x/y.tgz\nRUN wget -O /tmp/y https://x/y\n',
        findings: [2, 3],
      },
    ],
  });
});
