import { describe, expect, test } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/volatile-arg-early.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires on BUILD_DATE, GIT_SHA, VERSION, CACHEBUST before expensive RUNs', async () => {
    for (const name of ['BUILD_DATE', 'GIT_SHA', 'GIT_COMMIT', 'VERSION', 'CACHEBUST', 'BUILD_NUMBER', 'TIMESTAMP', 'VCS_REF']) {
      expect(await ruleHits(rule, `FROM debian:12\nARG ${name}\nRUN apt-get update && apt-get install -y curl\nLABEL v=$${name}\n`)).toEqual([2]);
    }
  });

  test('names the steps it busts and where to move the ARG', async () => {
    const [finding] = (
      await lintRule(
        rule,
        dockerfile`
      FROM node:20
      ARG GIT_SHA
      COPY package.json package-lock.json ./
      RUN npm ci
      COPY . .
      RUN npm run build
      LABEL org.opencontainers.image.revision=$GIT_SHA
    `,
      )
    ).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain('2 expensive step(s) from line 4');
    expect(finding.message).toContain('just before its first use on line 7');
    expect(finding.related.map((r) => r.range.start.line + 1)).toEqual([4, 6]);
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: declared right before its use, global ARG not redeclared, ordinary ARG names',
        code: dockerfile`
      ARG VERSION=1
      FROM debian:12
      RUN apt-get update && apt-get install -y curl
      ARG GIT_SHA
      LABEL rev=$GIT_SHA
      ARG NODE_ENV=production
      RUN npm ci
    `,
      },
      {
        name: 'quiet: the first RUN after it uses it, or only cheap RUNs follow (1)',
        code: 'FROM alpine:3.19\nARG VERSION\nRUN wget https://x.io/tool-${VERSION}.tgz\n',
      },
      {
        name: 'quiet: the first RUN after it uses it, or only cheap RUNs follow (2)',
        code: 'FROM alpine:3.19\nARG BUILD_DATE\nRUN echo built > /etc/built\n',
      },
    ],
  });
});

describe('volatile-arg-early: the fix', () => {
  ruleTester(rule, {
    invalid: [
      {
        name: 'moves the ARG, with its comment, to just before its first use',
        code: 'FROM node:20\n# set by CI\nARG GIT_SHA\nRUN apt-get update && apt-get install -y curl\nRUN npm ci\nLABEL revision=$GIT_SHA\n',
        findings: [3],
        output: 'FROM node:20\nRUN apt-get update && apt-get install -y curl\nRUN npm ci\n# set by CI\nARG GIT_SHA\nLABEL revision=$GIT_SHA\n',
      },
      {
        name: "no edit when the ARG is never used (where to move it is the author's call)",
        code: 'FROM node:20\nARG BUILD_DATE\nRUN npm ci\n',
        findings: [2],
        output: null,
      },
    ],
  });
});
