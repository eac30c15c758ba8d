/**
 * The published package: `npm pack`, install the tarball into a fresh project, run it with npx.
 * Checks the `bin` works and the tarball holds only what the package needs.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm package', () => {
  test('npm pack → install into a temp project → npx layerlint works; the tarball holds only what it needs', () => {
    const out = mkdtempSync(join(tmpdir(), 'layerlint-pack-'));
    const packed = run('npm', ['pack', '--json', '--pack-destination', out], root);
    expect(packed.code).toBe(0);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
    const files: string[] = info.files.map((f: { path: string }) => f.path);
    expect(files).toContain('bin/layerlint');
    expect(files).toContain('dist/src/cli/main.js');
    // The bundle and the code cache the build saved for this Node (another Node saves its own as it
    // first lints, where it may write: bin/load-bundle.js).
    expect(files).toContain('dist/bundle/main.cjs');
    expect(files).toContain(`dist/bundle/main.cjs.${process.versions.v8}.cache`);
    // V8 keeps the script's name in its code cache: the one that ships names no path of the build machine.
    const cache = readFileSync(join(root, `dist/bundle/main.cjs.${process.versions.v8}.cache`));
    expect(cache.includes(Buffer.from(root.replace(/\/$/, '')))).toBe(false);
    // (V8 may keep the name in pieces: the package-relative prefix is what is checked.)
    expect(cache.includes(Buffer.from('layerlint/dist/bundle/'))).toBe(true);
    expect(files).toContain('dist/rules/index.js');
    expect(files).toContain('schema/config.schema.json');
    expect(files).toContain('docs/rules/multiple-cmd.md');
    for (const file of files) expect(file).not.toMatch(/^(src|test|node_modules|examples|\.ci)\/|\.ts$|^dist\/test\//);

    const project = mkdtempSync(join(tmpdir(), 'layerlint-consumer-'));
    writeFileSync(join(project, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}\n');
    const installed = run('npm', ['install', '--no-audit', '--no-fund', join(out, info.filename)], project);
    expect(installed.code).toBe(0);
    expect(existsSync(join(project, 'node_modules/layerlint/dist/bundle/main.cjs'))).toBe(true);
    // A RUN: the bundle finds the shell grammar in the consumer's node_modules.
    writeFileSync(join(project, 'Dockerfile'), 'FROM alpine:3.19\nRUN apt-get install curl\nCMD ["a"]\nCMD ["b"]\n');
    const version = run('npx', ['--no-install', 'layerlint', '--version'], project);
    expect(version.stdout.trim()).toBe(info.version);
    const lint = run('npx', ['--no-install', 'layerlint', 'Dockerfile'], project);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/^Dockerfile:3:1 warning multiple-cmd/m);
    expect(lint.stdout).toMatch(/^Dockerfile:2:\d+ \w+ install-without-yes/m);
    // The optional native tree-sitter binding came with the install (prebuilt) and parses the RUN;
    // its WebAssembly fallback, from the same install, gives the same report. --no-cache: findings from
    // the lint cache would need no grammar at all.
    expect(existsSync(join(project, 'node_modules/tree-sitter/package.json'))).toBe(true);
    expect(run('npx', ['--no-install', 'layerlint', '--no-cache', 'Dockerfile'], project, { LAYERLINT_SHELL_PARSER: 'native' }).stdout).toBe(lint.stdout);
    const withWasm = run('npx', ['--no-install', 'layerlint', '--verbose', '--no-cache', 'Dockerfile'], project, { LAYERLINT_SHELL_PARSER: 'wasm' });
    expect(withWasm.stdout).toBe(lint.stdout);
    expect(withWasm.stderr).toMatch(/WebAssembly build/);
    // Where the optional binding did not install (no prebuild for the platform, --omit=optional),
    // the WebAssembly build takes over by itself.
    rmSync(join(project, 'node_modules/tree-sitter'), { recursive: true });
    const withoutBinding = run('npx', ['--no-install', 'layerlint', '--verbose', '--no-cache', 'Dockerfile'], project);
    expect(withoutBinding.stdout).toBe(lint.stdout);
    expect(withoutBinding.stderr).toMatch(/WebAssembly build \(the native binding does not load: Cannot find module 'tree-sitter'/);
    expect(run('npx', ['--no-install', 'layerlint', 'rules', 'multiple-cmd'], project).stdout).toMatch(/^# multiple-cmd/);
  }, 300_000);
});
