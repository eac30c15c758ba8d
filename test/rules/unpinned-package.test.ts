import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/unpinned-package.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires for each package manager hadolint checks, with its code in the properties', async () => {
    const text = [
      'FROM debian:12',
      'RUN apt-get install -y curl',
      'RUN pip install requests',
      'RUN npm install -g typescript',
      'RUN apk add --no-cache git',
      'RUN gem install bundler',
      'RUN yum install -y python3-pip',
      'RUN zypper install -y curl',
      'RUN dnf install -y httpd',
      'RUN go install golang.org/x/tools/gopls@latest',
    ].join('\n');
    const found = (await lintRule(rule, text)).filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => f.range.start.line + 1)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(found.map((f) => f.properties.hadolint)).toEqual(['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062']);
    expect(found[5].message).toContain('python3-pip');
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: pinned versions, lock and requirement files, local files, URLs, variables',
        code: [
          'FROM debian:12',
          'RUN apt-get install -y curl=7.88.1-10 ./local.deb $EXTRA',
          'RUN pip install requests==2.32.3 "flask>=3" ./pkg.whl git+https://x/y.git@v1 && pip install -r requirements.txt && pip install .',
          'RUN npm install && npm ci && npm install -g typescript@5.9.3 @scope/pkg@1.0.0 ./local git+https://x/y.git#v1',
          'RUN apk add --no-cache git=2.45.2-r0 --virtual .build-deps',
          'RUN gem install bundler:2.5.6 && gem install rake -v 13.2.1',
          'RUN yum install -y httpd-2.4.57 ./x.rpm @development',
          'RUN go install golang.org/x/tools/gopls@v0.16.1 && go install ./cmd/app',
          'RUN apt-get update && apt-get remove -y curl',
        ].join('\n'),
      },
      {
        name: 'a scoped npm package without a version is unpinned; pip constraints files pin (2)',
        code: 'FROM python:3\nRUN pip install -c constraints.txt requests\n',
      },
    ],
    invalid: [
      {
        name: 'a scoped npm package without a version is unpinned; pip constraints files pin (1)',
        code: 'FROM node:22\nRUN npm i -g @angular/cli\n',
        findings: [2],
      },
    ],
  });
});

describe('unpinned-package: option values are not packages', () => {
  test('pip --root-user-action ignore, npm --loglevel verbose, uv pip --index-strategy …', async () => {
    const found = (
      await lintRule(
        rule,
        'FROM python:3.12\nRUN pip install --root-user-action ignore requests\nRUN npm install --loglevel verbose left-pad\nRUN uv pip install --system --index-strategy unsafe-best-match flask\n',
      )
    ).filter((f) => f.ruleId === 'unpinned-package');
    expect(found.map((f) => f.properties.packages)).toEqual([['requests'], ['left-pad'], ['flask']]);
  });
});
