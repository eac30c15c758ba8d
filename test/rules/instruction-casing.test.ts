import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'instruction-casing';

describe(rule, () => {
  test('fires on keywords outside the majority case, and on mixed case', async () => {
    expect(await hits(rule, 'FROM alpine:3\nRUN a\nrun b\nCopy x /x\n')).toEqual([3, 4]);
    expect(await hits(rule, 'from alpine:3\nrun a\nRUN b\n')).toEqual([3]);
    const [finding] = (await findings('FROM alpine:3\nRUN a\nrun b\n')).filter((f) => f.ruleId === rule);
    expect(finding.fix?.edits?.[0].newText).toBe('RUN');
  });

  test('quiet: a file in one case', async () => {
    expect(await hits(rule, 'from alpine:3\nrun a\ncopy x /x\n')).toEqual([]);
    expect(await hits(rule, 'FROM alpine:3\nONBUILD RUN a\n')).toEqual([]);
  });

  test('unknown words (stray lines that parse-error reports) do not vote on the casing', async () => {
    expect(await hits(rule, 'FROM alpine:3\nRUN a\necho one\necho two\necho three\n')).toEqual([]);
  });
});
