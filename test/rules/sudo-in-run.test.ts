import { describe } from '@jest/globals';
import rule from '../../rules/sudo-in-run.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: the word sudo as an argument or in a string, CMD',
        code: 'FROM debian:12\nRUN apt-get install -y sudo\nRUN echo "use sudo carefully"\nCMD sudo -l\n',
      },
    ],
    invalid: [
      {
        name: 'fires on sudo, also behind env and in ONBUILD',
        code: 'FROM debian:12\nRUN sudo apt-get update\nRUN env A=1 sudo -u app make\nONBUILD RUN sudo true\n',
        findings: [2, 3, 4],
      },
    ],
  });
});
