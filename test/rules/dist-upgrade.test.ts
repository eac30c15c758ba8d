import { describe } from '@jest/globals';
import rule from '../../rules/dist-upgrade.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [{ name: 'quiet: plain upgrade and update', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\nRUN zypper -n update\n' }],
    invalid: [
      {
        name: 'fires on zypper dist-upgrade/dup and apt-get dist-upgrade, but this case stays quiet',
        code: 'FROM opensuse/leap:15\nRUN zypper -n dist-upgrade\nRUN zypper -n dup\nRUN apt-get -y dist-upgrade\n',
        findings: [2, 3, 4],
      },
    ],
  });
});
