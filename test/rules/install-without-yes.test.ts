import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/install-without-yes.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: -y in any spelling, -qq, zypper -n, apk and microdnf, update',
        code:
          'FROM debian:12\nRUN apt-get install -y curl && apt-get -qy install x && apt-get install --yes a && apt-get -qq install b\n' +
          'RUN apt-get -o APT::Get::Assume-Yes=true install c\nRUN yum install --assumeyes x && dnf -y install y\nRUN zypper -n install curl && zypper install --no-confirm x\n' +
          'RUN apk add curl && microdnf install x && apt-get update\n',
      },
    ],
    invalid: [
      {
        name: 'fires on apt-get, yum, dnf and zypper installs that would prompt',
        code: 'FROM debian:12\nRUN apt-get install curl\nRUN yum install httpd\nRUN dnf install httpd\nRUN zypper install curl\nRUN apt-get remove curl\n',
        findings: [2, 3, 4, 5, 6],
      },
    ],
  });

  test('the quick fix inserts -y after the subcommand', async () => {
    const [finding] = (await lintRule(rule, 'FROM debian:12\nRUN apt-get install curl\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.fix?.edits).toEqual([{ range: { start: { line: 1, character: 19 }, end: { line: 1, character: 19 } }, newText: ' -y' }]);
  });
});

describe('install-without-yes: apt-get -q -q', () => {
  test('quiet level 2 implies -y however it is written', async () => {
    for (const quiet of ['-qq', '-q -q', '-q=2', '--quiet=2']) {
      expect(await ruleHits(rule, `FROM debian:12\nRUN apt-get update && apt-get install ${quiet} curl\n`)).toEqual([]);
    }
    expect(await ruleHits(rule, 'FROM debian:12\nRUN apt-get install -q curl\n')).toEqual([2]);
  });
});
