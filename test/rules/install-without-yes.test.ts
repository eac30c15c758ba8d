import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'install-without-yes';

describe(rule, () => {
  test('fires on apt-get, yum, dnf and zypper installs that would prompt', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN apt-get install curl\nRUN yum install httpd\nRUN dnf install httpd\nRUN zypper install curl\nRUN apt-get remove curl\n')).toEqual([2, 3, 4, 5, 6]);
  });

  test('quiet: -y in any spelling, -qq, zypper -n, apk and microdnf, update', async () => {
    const text = 'FROM debian:12\nRUN apt-get install -y curl && apt-get -qy install x && apt-get install --yes a && apt-get -qq install b\n'
      + 'RUN apt-get -o APT::Get::Assume-Yes=true install c\nRUN yum install --assumeyes x && dnf -y install y\nRUN zypper -n install curl && zypper install --no-confirm x\n'
      + 'RUN apk add curl && microdnf install x && apt-get update\n';
    expect(await hits(rule, text)).toEqual([]);
  });

  test('the quick fix inserts -y after the subcommand', async () => {
    const [finding] = (await findings('FROM debian:12\nRUN apt-get install curl\n')).filter((f) => f.ruleId === rule);
    expect(finding.fix?.edits).toEqual([{ range: { start: { line: 1, character: 19 }, end: { line: 1, character: 19 } }, newText: ' -y' }]);
  });
});

describe('install-without-yes: apt-get -q -q', () => {
  test('quiet level 2 implies -y however it is written', async () => {
    for (const quiet of ['-qq', '-q -q', '-q=2', '--quiet=2']) {
      expect(await hits('install-without-yes', `FROM debian:12\nRUN apt-get update && apt-get install ${quiet} curl\n`)).toEqual([]);
    }
    expect(await hits('install-without-yes', 'FROM debian:12\nRUN apt-get install -q curl\n')).toEqual([2]);
  });
});
