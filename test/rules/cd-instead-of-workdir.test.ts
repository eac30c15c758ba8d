import { describe } from '@jest/globals';
import rule from '../../rules/cd-instead-of-workdir.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: cd later in the script, cd -, cd with a variable, no cd',
        code: 'FROM debian:12\nRUN git clone https://x/y.git && cd y && make\nRUN cd - && true\nRUN cd "$BUILD_DIR" && ls\nWORKDIR /app\nRUN make\n',
      },
    ],
    invalid: [
      {
        name: 'fires on a RUN that starts with cd into a directory',
        code: 'FROM python:3.12\nRUN cd /app && pip install -r requirements.txt\nRUN cd src; make\n',
        findings: [2, 3],
      },
    ],
  });
});
