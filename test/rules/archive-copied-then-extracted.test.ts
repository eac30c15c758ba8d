import { describe, expect, test } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/archive-copied-then-extracted.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: ADD of a local tar (Docker extracts it), other files, or a builder stage (1)',
        code: dockerfile`
      FROM debian:12
      ADD app.tar.gz /opt/
      COPY other.tgz /tmp/
      RUN tar -xzf /tmp/app.tar.gz
      RUN tar -czf /tmp/backup.tgz /etc
    `,
      },
      {
        name: 'quiet: ADD of a local tar (Docker extracts it), other files, or a builder stage (2)',
        code: 'FROM debian:12 AS build\nCOPY a.tgz /tmp/\nRUN tar -xzf /tmp/a.tgz -C /opt\nFROM debian:12\nCOPY --from=build /opt /opt\n',
      },
    ],
    invalid: [
      {
        name: 'fires on COPY of a tarball or zip that a later RUN extracts',
        code: dockerfile`
      FROM debian:12
      COPY app.tar.gz /tmp/
      RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
      COPY site.zip /srv/site.zip
      WORKDIR /srv
      RUN unzip site.zip && rm site.zip
      ADD https://x.io/jdk.tgz /tmp/jdk.tgz
      RUN tar --extract --file=/tmp/jdk.tgz -C /opt
    `,
        findings: [3, 6, 8],
      },
      {
        name: 'COPY app.tar.gz . puts it in the working directory (regression: it was taken for a file named like the directory) (1)',
        code: 'FROM debian:12\nWORKDIR /app\nCOPY app.tar.gz .\nRUN tar xzf app.tar.gz && rm app.tar.gz\n',
        findings: [4],
      },
      {
        name: 'COPY app.tar.gz . puts it in the working directory (regression: it was taken for a file named like the directory) (2)',
        code: 'FROM debian:12\nCOPY app.tar.gz /opt/app\nRUN tar xzf /opt/app/app.tar.gz\n',
        findings: [3],
      },
    ],
  });

  test('advice: ADD for local tars, a bind mount for zips and downloads', async () => {
    const [tar, zip] = (await lintRule(rule, 'FROM debian:12\nCOPY a.tgz /tmp/\nRUN tar xzf /tmp/a.tgz\nCOPY b.zip /tmp/\nRUN unzip /tmp/b.zip\n')).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(tar.message).toContain('use `ADD a.tgz <dir>/`');
    expect(zip.message).toContain('--mount=type=bind');
  });
});

describe('archive-copied-then-extracted: the fix (unsafe)', () => {
  ruleTester(rule, {
    invalid: [
      {
        name: 'COPY + tar + rm become one ADD',
        code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\nCMD ["/opt/app"]\n',
        findings: [3],
        output: 'FROM debian:12\nADD app.tar.gz /opt/\nCMD ["/opt/app"]\n',
      },
      {
        name: 'no edit for options ADD does not have, or a RUN that does more',
        code: 'FROM debian:12\nCOPY a.tgz /tmp/\nRUN tar -xzf /tmp/a.tgz --strip-components=1 -C /opt\nCOPY b.tgz /tmp/\nRUN tar -xzf /tmp/b.tgz -C /srv && /srv/install.sh\n',
        findings: [3, 5],
        output: null,
      },
    ],
  });
});
