import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'cd-instead-of-workdir';

describe(rule, () => {
  test('fires on a RUN that starts with cd into a directory', async () => {
    expect(await hits(rule, 'FROM python:3.12\nRUN cd /app && pip install -r requirements.txt\nRUN cd src; make\n')).toEqual([2, 3]);
  });

  test('quiet: cd later in the script, cd -, cd with a variable, no cd', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN git clone https://x/y.git && cd y && make\nRUN cd - && true\nRUN cd "$BUILD_DIR" && ls\nWORKDIR /app\nRUN make\n')).toEqual([]);
  });
});
