import { describe, expect, test } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/inline-comment.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: # inside quotes, # without a space before it, comment lines, RUN and shell-form CMD',
        code: dockerfile`
      FROM alpine
      # a real comment
      LABEL description="build #42 # nightly"
      ENV COLOR=#ff0000
      RUN echo hi # shell comment
      CMD echo hi # shell comment
    `,
      },
    ],
    invalid: [
      {
        name: 'the gradle seed: WORKDIR and COPY with a trailing # comment',
        code: dockerfile`
      FROM gradle:7.6.1 AS build
      WORKDIR /src # create and enter /src
      COPY . . # copy everything
      RUN gradle bootJar # this one is fine: the shell reads it
    `,
        findings: [2, 3],
      },
    ],
  });

  test('the fix moves the comment above', async () => {
    const [finding] = (await lintRule(rule, 'FROM alpine\nWORKDIR /src # note\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.fix?.edits?.map((e) => e.newText)).toEqual(['# note\n', '']);
    expect(finding.range.start).toEqual({ line: 1, character: 13 });
  });
});
