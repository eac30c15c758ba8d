import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/apt-instead-of-apt-get.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires once per RUN that uses apt, suggesting apt-cache for queries', async () => {
    const found = (await lintRule(rule, 'FROM debian:12\nRUN apt update && apt install -y curl\nRUN apt search vim\n')).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(found.map((f) => f.range.start.line + 1)).toEqual([2, 3]);
    expect(found[0].message).toContain('`apt update`, `apt install -y curl`');
    expect(found[0].message).toContain('use apt-get.');
    expect(found[0].related.map((r) => r.message)).toEqual(['also `apt install -y curl`']);
    expect(found[1].message).toContain('use apt-cache.');
  });

  test('one quick fix renames every apt of the RUN, each to the right tool', async () => {
    const [found] = (await lintRule(rule, 'FROM debian:12\nRUN apt update && apt show curl && apt install -y curl\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(found.message).toContain('use apt-get (apt-cache for queries)');
    expect(found.fix?.edits).toEqual([
      { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 7 } }, newText: 'apt-get' },
      { range: { start: { line: 1, character: 18 }, end: { line: 1, character: 21 } }, newText: 'apt-cache' },
      { range: { start: { line: 1, character: 35 }, end: { line: 1, character: 38 } }, newText: 'apt-get' },
    ]);
    // Inside sh -c "…" the word's place is not known: advice, no edit.
    const [nested] = (await lintRule(rule, 'FROM debian:12\nRUN sh -c "apt update"\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(nested.fix?.edits).toBeUndefined();
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: apt-get, apt-cache, the word apt as an argument',
        code: 'FROM debian:12\nRUN apt-get update && apt-cache policy curl && echo apt\n',
      },
    ],
  });
});

describe('apt-instead-of-apt-get: only what apt-get does under the same name', () => {
  ruleTester(rule, {
    valid: [
      { name: "apk's add written as apt: renaming it to apt-get would not work", code: 'FROM golang:1.22-alpine\nRUN apt update && apt add git\n' },
      { name: 'apt list and apt full-upgrade have no apt-get of that name', code: 'FROM debian:12\nRUN apt list --installed && apt full-upgrade -y\n' },
    ],
    invalid: [
      {
        name: 'options before the subcommand',
        code: 'FROM debian:12\nRUN apt -y install curl\n',
        findings: [2],
        output: 'FROM debian:12\nRUN apt-get -y install curl\n',
      },
    ],
  });
});
