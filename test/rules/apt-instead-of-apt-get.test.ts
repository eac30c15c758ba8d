import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'apt-instead-of-apt-get';

describe(rule, () => {
  test('fires once per RUN that uses apt, suggesting apt-cache for queries', async () => {
    const found = (await findings('FROM debian:12\nRUN apt update && apt install -y curl\nRUN apt search vim\n')).filter((f) => f.ruleId === rule);
    expect(found.map((f) => f.range.start.line + 1)).toEqual([2, 3]);
    expect(found[0].message).toContain('`apt update`, `apt install -y curl`');
    expect(found[0].message).toContain('use apt-get.');
    expect(found[0].related.map((r) => r.message)).toEqual(['also `apt install -y curl`']);
    expect(found[1].message).toContain('use apt-cache.');
  });

  test('one quick fix renames every apt of the RUN, each to the right tool', async () => {
    const [found] = (await findings('FROM debian:12\nRUN apt update && apt show curl && apt install -y curl\n')).filter((f) => f.ruleId === rule);
    expect(found.message).toContain('use apt-get (apt-cache for queries)');
    expect(found.fix?.edits).toEqual([
      { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 7 } }, newText: 'apt-get' },
      { range: { start: { line: 1, character: 18 }, end: { line: 1, character: 21 } }, newText: 'apt-cache' },
      { range: { start: { line: 1, character: 35 }, end: { line: 1, character: 38 } }, newText: 'apt-get' },
    ]);
    // Inside sh -c "…" the word's place is not known: advice, no edit.
    const [nested] = (await findings('FROM debian:12\nRUN sh -c "apt update"\n')).filter((f) => f.ruleId === rule);
    expect(nested.fix?.edits).toBeUndefined();
  });

  test('quiet: apt-get, apt-cache, the word apt as an argument', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN apt-get update && apt-cache policy curl && echo apt\n')).toEqual([]);
  });
});
