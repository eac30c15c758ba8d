import { describe } from '@jest/globals';
import rule from '../../rules/empty-continuation-line.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: comment lines in continuations, heredoc bodies, empty lines between instructions',
        code: 'FROM alpine:3\nRUN a && \\\n# note\n    b\n\nRUN <<EOF\necho a\n\necho b\nEOF\n',
      },
    ],
    invalid: [{ name: 'fires at each empty line inside a continuation', code: 'FROM alpine:3\nRUN a && \\\n\n    b && \\\n   \n    c\n', findings: [3, 5] }],
  });
});
