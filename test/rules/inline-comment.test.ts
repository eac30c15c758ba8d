import { describe, expect, test } from '@jest/globals';
import { dockerfile, findings, hits } from '../helpers.js';

const rule = 'inline-comment';

describe(rule, () => {
  test('the gradle seed: WORKDIR and COPY with a trailing # comment', async () => {
    expect(await hits(rule, dockerfile`
      FROM gradle:7.6.1 AS build
      WORKDIR /src # create and enter /src
      COPY . . # copy everything
      RUN gradle bootJar # this one is fine: the shell reads it
    `)).toEqual([2, 3]);
  });

  test('the fix moves the comment above', async () => {
    const [finding] = (await findings('FROM alpine\nWORKDIR /src # note\n')).filter((f) => f.ruleId === rule);
    expect(finding.fix?.edits?.map((e) => e.newText)).toEqual(['# note\n', '']);
    expect(finding.range.start).toEqual({ line: 1, character: 13 });
  });

  test('quiet: # inside quotes, # without a space before it, comment lines, RUN and shell-form CMD', async () => {
    expect(await hits(rule, dockerfile`
      FROM alpine
      # a real comment
      LABEL description="build #42 # nightly"
      ENV COLOR=#ff0000
      RUN echo hi # shell comment
      CMD echo hi # shell comment
    `)).toEqual([]);
  });
});
