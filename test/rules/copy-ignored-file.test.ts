import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hits } from '../helpers.js';
import { loadBuildContext } from '../../src/model/context.js';

const rule = 'copy-ignored-file';

function context(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { context: loadBuildContext(dir) };
}

describe(rule, () => {
  const text = 'FROM alpine:3\nCOPY secrets.env /app/\nADD ./config.json /app/\nCOPY app.conf /app/\nCOPY *.env /x/\nCOPY --from=build secrets.env /y\n';

  test('fires on sources that .dockerignore excludes', async () => {
    expect(await hits(rule, text, context({ '.dockerignore': '*.env\nconfig.json\n', 'secrets.env': '', 'config.json': '', 'app.conf': '' }))).toEqual([2, 3]);
  });

  test('quiet: re-included with !, no .dockerignore, no context, globs and --from', async () => {
    expect(await hits(rule, text, context({ '.dockerignore': '*.env\n!secrets.env\n', 'secrets.env': '' }))).toEqual([]);
    expect(await hits(rule, text, context({ 'secrets.env': '' }))).toEqual([]);
    expect(await hits(rule, text)).toEqual([]);
  });
});
