import { describe, expect, test } from '@jest/globals';
import { dockerfile, findings, hits } from '../helpers.js';
import rule from '../../rules/unknown-rule-in-pragma.js';
import { ruleHits } from '../rule-tester.js';

describe('unknown-rule-in-pragma', () => {
  test('fires on a mistyped name in a layerlint pragma, with the nearest rule; the finding it meant to hide stays', async () => {
    const text = dockerfile`
      FROM alpine:3.19
      CMD ["a"]
      # layerlint ignore=multiple-cmdx
      CMD ["b"]
      # layerlint global ignore=no-such-rule
    `;
    expect(await ruleHits(rule, text)).toEqual([3, 5]);
    const found = await findings(text);
    expect(found.find((f) => f.ruleId === 'unknown-rule-in-pragma')?.message).toContain('did you mean `multiple-cmd`?');
    expect(found.some((f) => f.ruleId === 'multiple-cmd')).toBe(true);
  });

  test('quiet on rule ids, hadolint codes, BuildKit names, ShellCheck codes, and on hadolint and BuildKit comments', async () => {
    const text = dockerfile`
      FROM alpine:3.19
      # layerlint ignore=DL4003,MultipleInstructionsDisallowed,SC2086,multiple-cmd
      CMD ["a"]
      CMD ["b"]
      # hadolint ignore=DL3059
      RUN echo a
      # check=skip=SomeNewBuildKitCheck
      RUN echo b
    `;
    expect(await ruleHits(rule, text)).toEqual([]);
    // A hadolint code in a layerlint pragma suppresses its rule, as the rule id does.
    expect(await hits('multiple-cmd', text)).toEqual([]);
  });
});
