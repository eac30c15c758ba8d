import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hits } from '../helpers.js';
import { loadBuildContext } from '../../src/model/context.js';

const rule = 'missing-dockerignore';
const BROAD = 'FROM node:20\nCOPY . .\n';

function context(files: Record<string, string>, dirs: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-'));
  for (const d of dirs) mkdirSync(join(dir, d), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { context: loadBuildContext(dir) };
}

describe(rule, () => {
  test('fires with no .dockerignore when the context holds .git, node_modules or a virtualenv', async () => {
    expect(await hits(rule, BROAD, context({ 'index.js': '' }, ['.git']))).toEqual([2]);
    expect(await hits(rule, 'FROM python:3.12\nCOPY . /app\n', context({ 'app.py': '' }, ['.venv']))).toEqual([2]);
  });

  // Seen on real files: `COPY docker-entrypoint.sh *.sh /`, `COPY etc/ /etc`, `COPY src/ /app/` were reported as
  // copying "the whole build context"; and a context with nothing heavy in it costs nothing without a .dockerignore.
  test('quiet: only a COPY of the whole context counts, and only when something heavy is in it', async () => {
    const ctx = context({ 'docker-entrypoint.sh': '', 'a.sh': '' }, ['.git', 'etc', 'src']);
    expect(await hits(rule, 'FROM debian:12\nCOPY docker-entrypoint.sh *.sh /\nCOPY etc/ /etc\nCOPY src/ /app/\n', ctx)).toEqual([]);
    expect(await hits(rule, BROAD, context({ 'index.js': '' }))).toEqual([]);
  });

  test('fires when .dockerignore does not exclude .git or node_modules that exist', async () => {
    expect(await hits(rule, BROAD, context({ '.dockerignore': 'dist\n' }, ['.git', 'node_modules']))).toEqual([2]);
  });

  test('quiet: they are excluded, or absent from the context', async () => {
    expect(await hits(rule, BROAD, context({ '.dockerignore': '.git\nnode_modules\n' }, ['.git', 'node_modules']))).toEqual([]);
    expect(await hits(rule, BROAD, context({ '.dockerignore': '*.md\n' }))).toEqual([]);
  });

  test('quiet: no broad COPY, or no context given', async () => {
    expect(await hits(rule, 'FROM node:20\nCOPY package.json ./\n', context({ 'package.json': '{}' }))).toEqual([]);
    expect(await hits(rule, BROAD)).toEqual([]);
  });
});
