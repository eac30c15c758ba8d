/**
 * The hooks in .pre-commit-hooks.yaml, run by Debian's real pre-commit (`pre-commit try-repo`)
 * on a temporary git repository. pre-commit installs our package the way users get it: npm install
 * in a clone of this repository, npm pack, npm install -g of the tarball.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const available = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!available) {
  process.stderr.write(
    `\n*** pre-commit tests: the pre-commit command is missing (apt-get install pre-commit). ${process.env.CI === 'true' ? 'CI=true: they FAIL.' : 'SKIPPING them.'}\n\n`,
  );
}
const describeHooks = available || process.env.CI === 'true' ? describe : describe.skip;

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describeHooks('pre-commit hooks', () => {
  test('bad Dockerfile fails `layerlint` with our message, passes `layerlint-errors`; a good one passes both', () => {
    const repo = mkdtempSync(join(tmpdir(), 'layerlint-precommit-'));
    const home = mkdtempSync(join(tmpdir(), 'layerlint-precommit-home-'));
    mkdirSync(join(repo, 'good'));
    writeFileSync(join(repo, 'Dockerfile'), 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n');
    writeFileSync(join(repo, 'good', 'Dockerfile'), 'FROM alpine:3.19\nCMD ["b"]\n');
    writeFileSync(join(repo, 'README.md'), 'not a Dockerfile\n');
    expect(run('git', ['init', '-q'], repo).code).toBe(0);
    expect(run('git', ['add', '-A'], repo).code).toBe(0);
    expect(run('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-qm', 'init'], repo).code).toBe(0);
    const env = { PRE_COMMIT_HOME: home };

    const bad = run('pre-commit', ['try-repo', root, '--files', 'Dockerfile', 'README.md'], repo, env);
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/layerlint\.+Failed/);
    expect(bad.output).toMatch(/Dockerfile:2:1: warning: This CMD is overridden by the CMD on line 3.* \[multiple-cmd\]/);
    expect(bad.output).toMatch(/layerlint \(errors only\)\.+Passed/);
    expect(bad.output).not.toContain('README.md');

    const good = run('pre-commit', ['try-repo', root, '--files', 'good/Dockerfile'], repo, env);
    expect(good.code).toBe(0);
    expect(good.output).toMatch(/layerlint\.+Passed/);
  }, 600_000);

  test('layerlint-fix applies the safe fixes in place and fails the commit because files changed', () => {
    const repo = mkdtempSync(join(tmpdir(), 'layerlint-precommit-fix-'));
    const home = mkdtempSync(join(tmpdir(), 'layerlint-precommit-home-'));
    writeFileSync(join(repo, 'Dockerfile'), 'FROM alpine:3.19\nCMD ["a"]\nCMD python app.py\n');
    expect(run('git', ['init', '-q'], repo).code).toBe(0);
    expect(run('git', ['add', '-A'], repo).code).toBe(0);
    const fixed = run('pre-commit', ['try-repo', root, 'layerlint-fix', '--files', 'Dockerfile'], repo, { PRE_COMMIT_HOME: home });
    expect(fixed.output).toMatch(/layerlint \(apply safe fixes\)\.+Failed/);
    expect(fixed.output).toMatch(/files were modified by this hook/);
    expect(readFileSync(join(repo, 'Dockerfile'), 'utf8')).toBe('FROM alpine:3.19\nCMD ["python", "app.py"]\n');
  }, 600_000);
});
