import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'sudo-in-run';

describe(rule, () => {
  test('fires on sudo, also behind env and in ONBUILD', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN sudo apt-get update\nRUN env A=1 sudo -u app make\nONBUILD RUN sudo true\n')).toEqual([2, 3, 4]);
  });

  test('quiet: the word sudo as an argument or in a string, CMD', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN apt-get install -y sudo\nRUN echo "use sudo carefully"\nCMD sudo -l\n')).toEqual([]);
  });
});
