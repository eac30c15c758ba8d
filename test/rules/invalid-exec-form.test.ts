import { describe, expect, test } from '@jest/globals';
import { dockerfile, findings } from '../helpers.js';
import rule from '../../rules/invalid-exec-form.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe('invalid-exec-form', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet on valid exec form, shell form, and brackets in shell scripts',
        code: dockerfile`
      FROM alpine:3.19
      CMD ["python", "app.py"]
      ENTRYPOINT ["/entrypoint.sh"]
      RUN [ -f /etc/os-release ] && echo ok
      RUN test -d /x || mkdir /x
      HEALTHCHECK CMD ["wget", "-q", "-O-", "http://localhost/"]
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    `,
      },
    ],
    invalid: [
      {
        name: 'fires on single quotes, a trailing comma, a missing comma, in CMD/ENTRYPOINT/RUN/ONBUILD',
        code: dockerfile`
      FROM alpine:3.19
      CMD ['python', 'app.py']
      ENTRYPOINT ["/entrypoint.sh",]
      RUN ["echo" "a missing comma"]
      ONBUILD RUN ['make']
    `,
        findings: [2, 3, 4, 5],
      },
    ],
  });

  test('leaves a JSON array of non-strings to parse-error: BuildKit refuses it rather than running a shell', async () => {
    const text = 'FROM alpine:3.19\nRUN ["echo", 1]\nCMD [1, 2]\n';
    const found = (await findings(text)).map((f) => `${f.range.start.line + 1} ${f.ruleId}`);
    expect(found).toEqual(['2 parse-error', '3 parse-error']);
  });

  test('offers a safe quote fix only when the result is valid JSON', async () => {
    const [single, trailing] = (await lintRule(rule, `FROM alpine\nCMD ['python', 'app.py']\nENTRYPOINT ["a",]\n`)).filter(
      (f) => f.ruleId === 'invalid-exec-form',
    );
    expect(single.fix?.edits?.[0].newText).toBe('["python", "app.py"]');
    expect(trailing.fix?.edits).toBeUndefined();
  });

  test('fires on a # comment after the JSON array (no end-of-line comments in a Dockerfile); the fix moves it above', async () => {
    const text = 'FROM node:20-alpine\nCMD ["serve", "-s", "dist", "--port", "5173"]  # --port flag\n';
    const found = (await lintRule(rule, text)).filter((f) => ['invalid-exec-form', 'shell-form-cmd'].includes(f.ruleId));
    expect(found.map((f) => f.ruleId)).toEqual(['invalid-exec-form']);
    expect(found[0].message).toContain('a # comment follows the JSON array');
    expect(found[0].fix?.edits?.map((edit) => edit.newText)).toEqual(['# --port flag\n', '["serve", "-s", "dist", "--port", "5173"]']);
    // A # inside a JSON string is no comment; a shell test with a comment is shell form as meant.
    expect(await ruleHits(rule, 'FROM alpine:3.19\nCMD ["echo", "a # b"]\nRUN [ -f /x ] && echo ok  # check\n')).toEqual([]);
  });
});

describe('invalid-exec-form behind an exec-form ENTRYPOINT', () => {
  // The shell does not run such a CMD: Docker wraps it in /bin/sh -c, and the entrypoint receives those words.
  test('says what the container really runs', async () => {
    const [finding] = (await lintRule(rule, 'FROM node:20\nENTRYPOINT ["node"]\nCMD [\'app.js\']\n')).filter((f) => f.ruleId === 'invalid-exec-form');
    expect(finding.message).toContain('the exec-form ENTRYPOINT on line 2 receives it as arguments: the container runs ["node","/bin/sh","-c","[\'app.js\']"]');
    const [alone] = (await lintRule(rule, "FROM node:20\nCMD ['node', 'app.js']\n")).filter((f) => f.ruleId === 'invalid-exec-form');
    expect(alone.message).toContain('Docker runs the whole text with `/bin/sh -c`');
  });
});
