import { describe } from '@jest/globals';
import rule from '../../rules/pointless-command.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: the words as arguments, installing them, ssh with an ssh mount, CMD',
        code: 'FROM debian:12\nRUN apt-get install -y vim procps\nRUN echo service\nRUN --mount=type=ssh ssh -T git@github.com || true\nCMD service nginx start\n',
      },
    ],
    invalid: [
      {
        name: 'fires on service, ps, top, vim, ssh and kill in RUN, also in ONBUILD',
        code: 'FROM debian:12\nRUN service nginx start\nRUN ps aux && top -b -n1\nRUN ssh host true\nONBUILD RUN kill 1\n',
        findings: [2, 3, 3, 4, 5],
      },
    ],
  });
});
