import { describe } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuildContext } from '../../src/model/context.js';
import rule from '../../rules/copy-ignored-file.js';
import { ruleTester } from '../rule-tester.js';

function context(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { context: loadBuildContext(dir) };
}

describe(rule.meta.id, () => {
  const text = 'FROM alpine:3\nCOPY secrets.env /app/\nADD ./config.json /app/\nCOPY app.conf /app/\nCOPY *.env /x/\nCOPY --from=build secrets.env /y\n';
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: re-included with !, no .dockerignore, no context, globs and --from (1)',
        code: text,
        options: context({ '.dockerignore': '*.env\n!secrets.env\n', 'secrets.env': '' }),
      },
      { name: 'quiet: re-included with !, no .dockerignore, no context, globs and --from (2)', code: text, options: context({ 'secrets.env': '' }) },
      { name: 'quiet: re-included with !, no .dockerignore, no context, globs and --from (3)', code: text },
    ],
    invalid: [
      {
        name: 'fires on sources that .dockerignore excludes',
        code: text,
        options: context({ '.dockerignore': '*.env\nconfig.json\n', 'secrets.env': '', 'config.json': '', 'app.conf': '' }),
        findings: [2, 3],
      },
    ],
  });
});
