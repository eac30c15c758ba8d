import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'dist-upgrade';

describe(rule, () => {
  test('fires on zypper dist-upgrade/dup and apt-get dist-upgrade', async () => {
    expect(await hits(rule, 'FROM opensuse/leap:15\nRUN zypper -n dist-upgrade\nRUN zypper -n dup\nRUN apt-get -y dist-upgrade\n')).toEqual([2, 3, 4]);
  });

  test('quiet: plain upgrade and update', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\nRUN zypper -n update\n')).toEqual([]);
  });
});
