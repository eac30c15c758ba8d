/**
 * layerlint on a second Node: the current LTS line (scripts/node-lts-setup.sh fetches it; .ci/run
 * passes its path in LAYERLINT_TEST_NODE_LTS). What differs there, and is checked here for real:
 * - V8 12.9+ (Node 23 on) ignores `--liftoff-only` set at run time, so a lint that parses RUN scripts
 *   with the WebAssembly grammar is relaunched in a Node started with it (src/cli/relaunch.ts);
 *   So is the language server (`layerlint lsp`), which over an editor session lints as much as a batch;
 * - another V8 rejects the build's code cache, so the first lint saves one for that V8 (bin/load-bundle.js).
 * Without that Node the tests are skipped with a loud message locally, and fail under CI=true.
 */
import { describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { WASM_FILES_WITHOUT_START_FLAG } from '../src/parse/shell-grammar.js';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/layerlint');
const otherNode = process.env.LAYERLINT_TEST_NODE_LTS ?? '';
const available = otherNode !== '' && existsSync(otherNode);
if (!available) {
  process.stderr.write(
    `\n\n*** layerlint on the LTS Node: LAYERLINT_TEST_NODE_LTS ${otherNode ? `names no file (${otherNode})` : 'is not set'}.\n*** Run \`export LAYERLINT_TEST_NODE_LTS=$(bash scripts/node-lts-setup.sh)\`. ${process.env.CI === 'true' ? 'CI=true: the tests run and FAIL.' : 'SKIPPING them.'}\n\n`,
  );
}
const describeIfNode = available || process.env.CI === 'true' ? describe : describe.skip;

function lint(node: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(node, [bin, 'lint', '--shellcheck', 'off', '--format', 'json', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
}

/** Dockerfiles with RUN scripts, enough that the WebAssembly grammar needs --liftoff-only from the start. */
function batch(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-lts-'));
  for (let i = 0; i < count; i++) {
    mkdirSync(join(dir, String(i)));
    writeFileSync(
      join(dir, String(i), 'Dockerfile'),
      `FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl && curl -fsSL https://example.com/${i} | sh\nCMD ["sh"]\n`,
    );
  }
  return dir;
}

describeIfNode('layerlint on the LTS Node', () => {
  const example = join(root, 'examples/node-app/Dockerfile');

  test('that Node is another V8 than this one (else this file checks nothing new)', () => {
    const version = spawnSync(otherNode, ['-p', 'process.versions.v8'], { encoding: 'utf8' });
    expect(version.error).toBeUndefined();
    expect(version.stdout.trim()).not.toBe(process.versions.v8);
  });

  test('gives the same report and exit code as on this Node, and saves a code cache for its V8', () => {
    // --no-cache: the other Node must lint itself (a lint served from the cache saves no code cache).
    const here = lint(process.execPath, ['--no-cache', example]);
    const there = lint(otherNode, ['--no-cache', example]);
    expect(there.stderr).toBe('');
    expect(there.status).toBe(here.status);
    expect(there.stdout).toBe(here.stdout);
    const v8 = spawnSync(otherNode, ['-p', 'process.versions.v8'], { encoding: 'utf8' }).stdout.trim();
    expect(readdirSync(join(root, 'dist/bundle'))).toContain(`main.cjs.${v8}.cache`);
  });

  test('the WebAssembly grammar: a batch runs in a Node started with --liftoff-only, one file in this one; same reports', () => {
    const dir = batch(WASM_FILES_WITHOUT_START_FLAG);
    const native = lint(otherNode, [dir], { LAYERLINT_SHELL_PARSER: 'native' });
    const wasm = lint(otherNode, ['--verbose', '--no-cache', dir], { LAYERLINT_SHELL_PARSER: 'wasm' });
    expect(wasm.stderr).toMatch(/^layerlint: linting in a Node process started with --liftoff-only: the WebAssembly grammar on V8 /m);
    expect(wasm.status).toBe(native.status);
    expect(wasm.stdout).toBe(native.stdout);
    const one = lint(otherNode, ['--verbose', '--no-cache', join(dir, '0/Dockerfile')], { LAYERLINT_SHELL_PARSER: 'wasm' });
    expect(one.stderr).not.toMatch(/started with --liftoff-only/);
    expect(one.stdout).toBe(lint(otherNode, [join(dir, '0/Dockerfile')], { LAYERLINT_SHELL_PARSER: 'native' }).stdout);
  }, 60_000);

  test('the language server with the WebAssembly grammar runs in a Node started with --liftoff-only, answers, and exits', async () => {
    const server = spawn(otherNode, [bin, 'lsp', '--stdio'], { env: { ...process.env, NODE_OPTIONS: '', LAYERLINT_SHELL_PARSER: 'wasm' } });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published: PublishDiagnosticsParams[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.push(params);
    });
    connection.listen();
    try {
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      // The server the editor talks to is the relaunched child; the first process only waits for it.
      const children = readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').split(/\s+/).filter(Boolean);
      expect(children).toHaveLength(1);
      expect(readFileSync(`/proc/${children[0]}/cmdline`, 'utf8').split('\0')).toContain('--liftoff-only');
      const uri = 'file:///tmp/layerlint-lts-lsp/Dockerfile';
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM debian:12\nRUN apt-get update\nRUN export A=1\n' },
      });
      for (let waited = 0; !published.some((p) => p.uri === uri) && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(published.find((p) => p.uri === uri)?.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['package-index-alone', 'shell-state-lost']));
      const exited = once(server, 'exit');
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      expect((await exited)[0]).toBe(0);
    } finally {
      connection.dispose();
      server.kill();
    }
  }, 30_000);
});
