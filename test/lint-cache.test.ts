/**
 * The lint cache (src/cache/lint-cache.ts): a re-run reuses unchanged files' findings, gives exactly
 * the report a fresh lint gives, and never reuses findings whose inputs changed.
 */
import { describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LintCache } from '../src/cache/lint-cache.js';
import { defaultConfig } from '../src/core/config.js';

const bin = new URL('../bin/layerlint', import.meta.url).pathname;
const root = new URL('..', import.meta.url).pathname;
const audit = join(root, 'test/audit/files');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'layerlint-cache-'));
}

function layerlint(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** "N of M files reused", from --verbose. */
function reused(stderr: string): string {
  return stderr.match(/(\d+ of \d+) files reused/)?.[1] ?? `no cache line in: ${stderr}`;
}

/** Every file below a folder (the cache's entries and any temporary file left behind). */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
}

describe('lint cache', () => {
  test('a re-run of the real-world audit set reuses every file and gives the same reports, byte for byte', () => {
    const cacheDir = tempDir();
    const fileCount = readdirSync(audit).length;
    for (const format of ['json', 'sarif', 'text']) {
      const fresh = layerlint(['lint', audit, '-f', format, '--no-cache', '--shellcheck', 'off']);
      const first = layerlint(['lint', audit, '-f', format, '--cache-dir', cacheDir, '--shellcheck', 'off', '-v']);
      const second = layerlint(['lint', audit, '-f', format, '--cache-dir', cacheDir, '--shellcheck', 'off', '-v']);
      expect(first.stdout).toBe(fresh.stdout);
      expect(second.stdout).toBe(fresh.stdout);
      expect(second.code).toBe(fresh.code);
      // The formats share the entries: only the first format's first run lints.
      expect(reused(second.stderr)).toBe(`${fileCount} of ${fileCount}`);
    }
    expect(filesBelow(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('a changed Dockerfile, config or command-line selection is linted afresh', () => {
    const cacheDir = tempDir();
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n');
    const run = (...extra: string[]) => layerlint(['lint', 'Dockerfile', '--cache-dir', cacheDir, '-v', ...extra], dir);
    expect(run().stdout).toMatch(/multiple-cmd/);
    expect(reused(run().stderr)).toBe('1 of 1');
    writeFileSync(join(dir, '.layerlint.yaml'), 'rules:\n  multiple-cmd: off\n');
    const withConfig = run();
    expect(reused(withConfig.stderr)).toBe('0 of 1');
    expect(withConfig.stdout).not.toMatch(/multiple-cmd/);
    expect(withConfig.code).toBe(0);
    const selected = run('--extend-select', 'maintainer-deprecated', '--ignore', 'untagged-base-image');
    expect(reused(selected.stderr)).toBe('0 of 1');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.19\nMAINTAINER me\n');
    const edited = run('--extend-select', 'maintainer-deprecated');
    expect(reused(edited.stderr)).toBe('0 of 1');
    expect(edited.stdout).toMatch(/maintainer-deprecated/);
  });

  test('with --context: a changed .dockerignore, context file list or manifest the rules read is linted afresh', () => {
    const cacheDir = tempDir();
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, workspaces: ['packages/*'] }));
    writeFileSync(join(dir, 'yarn.lock'), '');
    for (const member of ['packages/ui', 'packages/api']) {
      mkdirSync(join(dir, member), { recursive: true });
      writeFileSync(join(dir, member, 'package.json'), '{}');
    }
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile\nCOPY secrets.env /app/\n');
    writeFileSync(join(dir, 'secrets.env'), 'A=1\n');
    const run = () => layerlint(['lint', 'Dockerfile', '--context', '.', '--cache-dir', cacheDir, '-v', '-f', 'json', '--shellcheck', 'off'], dir);
    const messages = (stdout: string): string[] =>
      JSON.parse(stdout).files[0].findings.map((f: { ruleId: string; message: string }) => `${f.ruleId}: ${f.message}`);
    const first = messages(run().stdout);
    expect(first.join('\n')).toContain('COPY packages/api/package.json packages/api/');
    expect(reused(run().stderr)).toBe('1 of 1');
    // The workspace declared in package.json changes (same file list): the advice must follow it.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, workspaces: ['packages/ui'] }));
    const afterManifest = run();
    expect(reused(afterManifest.stderr)).toBe('0 of 1');
    expect(messages(afterManifest.stdout).join('\n')).not.toContain('packages/api/package.json');
    // .dockerignore now excludes a file a COPY names.
    writeFileSync(join(dir, '.dockerignore'), 'secrets.env\n');
    const afterIgnore = run();
    expect(reused(afterIgnore.stderr)).toBe('0 of 1');
    expect(messages(afterIgnore.stdout).join('\n')).toMatch(/copy-ignored-file/);
  });

  test('a different ShellCheck binary is a different key', () => {
    const cacheDir = tempDir();
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.19\nRUN echo hi\n');
    const fakeShellcheck = (message: string) => {
      const path = join(dir, 'shellcheck');
      const comment = { file: '', line: 3, endLine: 3, column: 1, endColumn: 5, level: 'error', code: 1000, message };
      writeFileSync(path, `#!/bin/sh\nfor last; do :; done\nprintf '%s' '${JSON.stringify({ comments: [comment] }).replace('""', '"\'"$last"\'"')}'\nexit 1\n`);
      chmodSync(path, 0o755);
      return path;
    };
    const run = (shellcheck: string) => layerlint(['lint', 'Dockerfile', '--shellcheck', shellcheck, '--cache-dir', cacheDir, '-v', '-f', 'json'], dir);
    const ids = (stdout: string) => JSON.parse(stdout).files[0].findings.map((f: { message: string }) => f.message);
    expect(ids(run(fakeShellcheck('first version')).stdout)).toEqual(['first version (ShellCheck)']);
    // Rewritten in place with another message, as an upgrade would: its size and times change.
    const upgraded = run(fakeShellcheck('second, upgraded version'));
    expect(reused(upgraded.stderr)).toBe('0 of 1');
    expect(ids(upgraded.stdout)).toEqual(['second, upgraded version (ShellCheck)']);
    expect(reused(run('off').stderr)).toBe('0 of 1');
  });

  test('concurrent runs on one cache: every report is whole and right, no temporary file is left', async () => {
    const cacheDir = tempDir();
    const fresh = layerlint(['lint', audit, '-f', 'json', '--no-cache', '--shellcheck', 'off']).stdout;
    const runOnce = () =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [bin, 'lint', audit, '-f', 'json', '--cache-dir', cacheDir, '--shellcheck', 'off'], {
          env: { ...process.env, NO_COLOR: '1' },
        });
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.on('close', () => resolve(out));
      });
    const outputs = await Promise.all([runOnce(), runOnce(), runOnce(), runOnce()]);
    for (const output of outputs) expect(output).toBe(fresh);
    expect(await runOnce()).toBe(fresh);
    expect(filesBelow(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('a damaged entry is a miss; a cache folder that cannot be written leaves the lint as it was', () => {
    const cacheDir = tempDir();
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n');
    const run = (cache: string) => layerlint(['lint', 'Dockerfile', '--cache-dir', cache, '-v'], dir);
    const fresh = run(cacheDir);
    const [entry] = filesBelow(cacheDir);
    writeFileSync(join(cacheDir, entry), '{"findings": [');
    const damaged = run(cacheDir);
    expect(reused(damaged.stderr)).toBe('0 of 1');
    expect(damaged.stdout).toBe(fresh.stdout);
    expect(reused(run(cacheDir).stderr)).toBe('1 of 1');
    // A regular file where the folder would be: nothing can be written under it.
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    const unwritable = run(blocked);
    expect(unwritable.code).toBe(fresh.code);
    expect(unwritable.stdout).toBe(fresh.stdout);
    expect(unwritable.stderr).toMatch(/0 of 1 files reused; not written: /);
    expect(readFileSync(blocked, 'utf8')).toBe('');
  });

  test('bounded: a run that writes past the size removes the least recently used entries', () => {
    const cacheDir = tempDir();
    const identity = { shellcheck: null, target: null, context: null };
    const config = defaultConfig();
    const finding = {
      ruleId: 'multiple-cmd',
      severity: 'warning' as const,
      message: 'x'.repeat(900),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      related: [],
      fix: null,
      properties: {},
    };
    const first = new LintCache(cacheDir, identity, 20_000);
    const keys = Array.from({ length: 40 }, (_, i) => first.key(`FROM alpine:${i}\n`, 'Dockerfile', config));
    keys.forEach((key) => first.write(key, { findings: [finding], extraRules: [] }, null, []));
    // The first ten were used again later (their times are set to now), the rest look a day old.
    const dayAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    for (const name of filesBelow(join(cacheDir, 'lint-v1'))) {
      spawnSync('touch', ['-d', dayAgo.toISOString(), join(cacheDir, 'lint-v1', name)]);
    }
    const later = new LintCache(cacheDir, identity, 20_000);
    keys.slice(0, 10).forEach((key) => expect(later.read(key, null)).not.toBeNull());
    later.write(later.key('FROM alpine:new\n', 'Dockerfile', config), { findings: [finding], extraRules: [] }, null, []);
    later.prune();
    const total = filesBelow(cacheDir).reduce((sum, name) => sum + statSync(join(cacheDir, name)).size, 0);
    expect(total).toBeLessThanOrEqual(20_000 * 0.8);
    const survivor = new LintCache(cacheDir, identity, 20_000);
    for (const key of keys.slice(0, 10)) expect(survivor.read(key, null)?.findings).toEqual([finding]);
    expect(keys.slice(10).filter((key) => survivor.read(key, null) !== null).length).toBeLessThan(30);
  });
});
