import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'wget-without-progress';

describe(rule, () => {
  test('fires on wget with its default progress output', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN wget https://x/y.tgz\nRUN wget -O /tmp/y https://x/y\n')).toEqual([2, 3]);
  });

  test('quiet: --progress, -q, -qO-, -nv, a log file, curl', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN wget --progress=dot:giga https://x && wget -q https://x && wget -qO- https://x\nRUN wget -nv https://x && wget -o log https://x && curl -O https://x\n')).toEqual([]);
  });
});
