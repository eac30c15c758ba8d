import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'pointless-command';

describe(rule, () => {
  test('fires on service, ps, top, vim, ssh and kill in RUN, also in ONBUILD', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN service nginx start\nRUN ps aux && top -b -n1\nRUN ssh host true\nONBUILD RUN kill 1\n')).toEqual([2, 3, 3, 4, 5]);
  });

  test('quiet: the words as arguments, installing them, ssh with an ssh mount, CMD', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN apt-get install -y vim procps\nRUN echo service\nRUN --mount=type=ssh ssh -T git@github.com || true\nCMD service nginx start\n')).toEqual([]);
  });
});
