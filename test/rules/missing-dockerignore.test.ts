import { describe } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuildContext } from '../../src/model/context.js';
import rule from '../../rules/missing-dockerignore.js';
import { ruleTester } from '../rule-tester.js';

const BROAD = 'FROM node:20\nCOPY . .\n';

function context(files: Record<string, string>, dirs: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-'));
  for (const d of dirs) mkdirSync(join(dir, d), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { context: loadBuildContext(dir) };
}

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: only a COPY of the whole context counts, and only when something heavy is in it (1)',
        code: 'FROM debian:12\nCOPY docker-entrypoint.sh *.sh /\nCOPY etc/ /etc\nCOPY src/ /app/\n',
        options: context({ 'docker-entrypoint.sh': '', 'a.sh': '' }, ['.git', 'etc', 'src']),
      },
      {
        name: 'quiet: only a COPY of the whole context counts, and only when something heavy is in it (2)',
        code: BROAD,
        options: context({ 'index.js': '' }),
      },
      {
        name: 'quiet: they are excluded, or absent from the context (1)',
        code: BROAD,
        options: context({ '.dockerignore': '.git\nnode_modules\n' }, ['.git', 'node_modules']),
      },
      { name: 'quiet: they are excluded, or absent from the context (2)', code: BROAD, options: context({ '.dockerignore': '*.md\n' }) },
      {
        name: 'quiet: no broad COPY, or no context given (1)',
        code: 'FROM node:20\nCOPY package.json ./\n',
        options: context({ 'package.json': '{}' }),
      },
      { name: 'quiet: no broad COPY, or no context given (2)', code: BROAD },
    ],
    invalid: [
      {
        name: 'fires with no .dockerignore when the context holds .git, node_modules or a virtualenv (1)',
        code: BROAD,
        options: context({ 'index.js': '' }, ['.git']),
        findings: [2],
      },
      {
        name: 'fires with no .dockerignore when the context holds .git, node_modules or a virtualenv (2)',
        code: 'FROM python:3.12\nCOPY . /app\n',
        options: context({ 'app.py': '' }, ['.venv']),
        findings: [2],
      },
      {
        name: 'fires when .dockerignore does not exclude .git or node_modules that exist',
        code: BROAD,
        options: context({ '.dockerignore': 'dist\n' }, ['.git', 'node_modules']),
        findings: [2],
      },
    ],
  });
});
