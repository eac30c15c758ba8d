import { describe, expect, test } from '@jest/globals';
import { dockerfile, findings } from '../helpers.js';
import rule from '../../rules/multiple-cmd.js';
import { ruleHits, ruleTester } from '../rule-tester.js';

describe('multiple-cmd', () => {
  test('fires on every CMD but the last in a stage, linking the one that counts', async () => {
    const text = dockerfile`
      FROM alpine:3.19
      CMD ["a"]
      CMD b
      CMD ["c"]
    `;
    expect(await ruleHits(rule, text)).toEqual([2, 3]);
    const [first] = await findings(text);
    expect(first.related[0].range.start.line).toBe(3);
    expect(first.fix?.edits?.[0]).toEqual({ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' });
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet with one CMD per stage across several stages',
        code: dockerfile`
      FROM alpine:3.19 AS build
      CMD ["build"]
      FROM alpine:3.19
      CMD ["run"]
    `,
      },
      { name: 'quiet on a CMD inside ONBUILD next to a real CMD', code: 'FROM alpine:3.19\nONBUILD CMD ["x"]\nCMD ["y"]\n' },
    ],
  });
});
