import { describe } from '@jest/globals';
import rule from '../../rules/ln-bin-sh.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: other links, SHELL',
        code: 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/sh && ln -sf /usr/bin/python3 /usr/bin/python\nSHELL ["/bin/bash", "-c"]\n',
      },
    ],
    invalid: [{ name: 'fires when /bin/sh is relinked', code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\nRUN ln -s -f bash /bin/sh\n', findings: [2, 3] }],
  });
});

describe(`${rule}: images with no /bin/sh of their own`, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet when the link adds a /bin/sh the image did not have (distroless, scratch), but this case fires',
        code: 'FROM gcr.io/distroless/static:debug\nSHELL ["/busybox/sh", "-c"]\nRUN ln -s /busybox/sh /bin/sh\n',
      },
    ],
  });
});
