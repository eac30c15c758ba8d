import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'empty-continuation-line';

describe(rule, () => {
  test('fires at each empty line inside a continuation', async () => {
    expect(await hits(rule, 'FROM alpine:3\nRUN a && \\\n\n    b && \\\n   \n    c\n')).toEqual([3, 5]);
  });

  test('quiet: comment lines in continuations, heredoc bodies, empty lines between instructions', async () => {
    expect(await hits(rule, 'FROM alpine:3\nRUN a && \\\n# note\n    b\n\nRUN <<EOF\necho a\n\necho b\nEOF\n')).toEqual([]);
  });
});
