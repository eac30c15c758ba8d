import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/add-instead-of-copy.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('fires on ADD of local files and directories; the fix keeps the keyword case', async () => {
    const found = (await lintRule(rule, 'FROM nginx:1\nADD nginx.conf /etc/nginx/\nadd site/ /usr/share/nginx/html/\nADD app.zip /opt/\n')).filter(
      (f) => f.ruleId === rule.meta.id,
    );
    expect(found.map((f) => f.range.start.line + 1)).toEqual([2, 3, 4]);
    expect(found.map((f) => f.fix?.edits?.[0].newText)).toEqual(['COPY', 'copy', 'COPY']);
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: URLs, git, tar archives, variables, COPY',
        code: 'FROM alpine:3\nADD https://x/y.bin /y\nADD git@github.com:a/b.git /src\nADD rootfs.tar.xz /\nADD $FILE /f\nCOPY a /a\n',
      },
    ],
  });
});
