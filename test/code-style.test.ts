import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RuleTester } from 'eslint';
import local from '../scripts/eslint-rules.mjs';

// The code's own lint and format checks (`npm run lint`), in the test suite so CI fails on a slip:
// a duplicated key in an options table, an unused import, a hand-indented block.
const root = fileURLToPath(new URL('..', import.meta.url));

function run(script: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('code style', () => {
  test('ESLint (typescript-eslint recommended) finds nothing', () => {
    const { status, output } = run('node_modules/eslint/bin/eslint.js', ['.']);
    expect(output.trim()).toBe('');
    expect(status).toBe(0);
  });

  test('Prettier finds every file formatted', () => {
    const { status, output } = run('node_modules/prettier/bin/prettier.cjs', ['--check', '.', '--log-level', 'warn']);
    expect(output.trim()).toBe('');
    expect(status).toBe(0);
  });
});

describe('our own lint rules (scripts/eslint-rules.mjs)', () => {
  const tester = new RuleTester();
  tester.run('no-duplicate-set-entries', local.rules['no-duplicate-set-entries'], {
    valid: ["new Set(['-o', '-t'])", 'new Set([1, "1"])', 'new Set(list)'],
    invalid: [{ code: "new Set(['-o', '-t', '--root', '-t'])", errors: [{ messageId: 'duplicate' }] }],
  });
  tester.run('no-stacked-doc-comments', local.rules['no-stacked-doc-comments'], {
    valid: ['/** One. */\nconst a = 1;', '/** File header. */\n\n/** The constant. */\nconst a = 1;', '/** A. */\n// a note\nconst a = 1;'],
    invalid: [{ code: '/** Old text. */\n/** New text. */\nfunction f() {}', errors: [{ messageId: 'stacked' }] }],
  });
});
