/**
 * The language server with ShellCheck: our findings are published first, ShellCheck's follow in a
 * second publish, and an edit that leaves the RUN scripts as they were reuses ShellCheck's last
 * answer without running it. A `shellcheck` on the server's PATH logs each call and runs the real one.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { startLanguageServer } from './lsp-client.js';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { findShellcheck } from '../src/shellcheck/shellcheck.js';

const realShellcheck = findShellcheck();
if (!realShellcheck) {
  process.stderr.write(
    `\n*** language server ShellCheck tests: shellcheck is missing (apt-get install shellcheck). ${process.env.CI === 'true' ? 'CI=true: they FAIL.' : 'SKIPPING them.'}\n\n`,
  );
}
const describeWithShellcheck = realShellcheck || process.env.CI === 'true' ? describe : describe.skip;

let connection: MessageConnection;
let published: PublishDiagnosticsParams[];
let stop: () => Promise<void>;
const dir = mkdtempSync(join(tmpdir(), 'layerlint-lsp-sc-'));
const log = join(dir, 'calls.log');

function calls(): number {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
}

/** The publishes for one version of a document, waiting until `count` of them have come. */
async function publishesOf(uri: string, version: number, count: number, timeoutMs = 15_000): Promise<PublishDiagnosticsParams[]> {
  const started = Date.now();
  for (;;) {
    const found = published.filter((p) => p.uri === uri && p.version === version);
    if (found.length >= count) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`${found.length} of ${count} publishes of version ${version}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((d) => String(d.code)).sort();

describeWithShellcheck('layerlint lsp with ShellCheck', () => {
  beforeAll(async () => {
    // Slow on purpose, so that our own findings surely come first.
    writeFileSync(join(dir, 'shellcheck'), `#!/bin/sh\necho call >> '${log}'\nsleep 0.5\nexec '${realShellcheck}' "$@"\n`);
    chmodSync(join(dir, 'shellcheck'), 0o755);
    ({ connection, published, stop } = await startLanguageServer({ ...process.env, PATH: `${dir}:${process.env.PATH}` }));
  });

  afterAll(() => stop());

  test('ours first, ShellCheck after; an edit outside the scripts reuses its answer; an edit of a script runs it again', async () => {
    const uri = 'file:///tmp/layerlint-lsp-sc/Dockerfile';
    // multiple-cmd is ours; the unterminated `if` is a ShellCheck error (on by default).
    const text = (cmd: string, run: string) => `FROM alpine:3.19\nRUN ${run}\nCMD ["a"]\nCMD ["${cmd}"]\n`;
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text: text('b', 'if true; then echo x') },
    });
    const [first, second] = await publishesOf(uri, 1, 2);
    expect(codes(first)).toEqual(['multiple-cmd']);
    expect(codes(second)).toEqual(expect.arrayContaining(['multiple-cmd', 'SC1073']));
    expect(calls()).toBe(1);

    // Only the CMD changes: one publish, ShellCheck's findings in it, no new call.
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text('c', 'if true; then echo x') }],
    });
    const [reused] = await publishesOf(uri, 2, 1);
    expect(codes(reused)).toEqual(codes(second));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(published.filter((p) => p.uri === uri && p.version === 2)).toHaveLength(1);
    expect(calls()).toBe(1);

    // The script is fixed: ours at once (the old ShellCheck answer is not shown for a new script), then ShellCheck's, clean.
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: text('c', 'if true; then echo x; fi') }],
    });
    const [oursAgain, checked] = await publishesOf(uri, 3, 2);
    expect(codes(oursAgain)).toEqual(['multiple-cmd']);
    expect(codes(checked)).toEqual(['multiple-cmd']);
    expect(calls()).toBe(2);
  });

  test("ShellCheck's answer for an older text is never published for a newer one", async () => {
    const uri = 'file:///tmp/layerlint-lsp-sc-stale/Dockerfile';
    const broken = 'FROM alpine:3.19\nRUN if true; then echo x\n';
    const fixed = 'FROM alpine:3.19\nRUN if true; then echo x; fi\n';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: fixed } });
    await publishesOf(uri, 1, 2);
    // The script breaks; as soon as our findings for it are out (its ShellCheck run takes 0.5 s more), it is fixed again.
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
    await publishesOf(uri, 2, 1);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: fixed }] });
    await publishesOf(uri, 3, 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const forFixedText = published.filter((p) => p.uri === uri && p.version === 3);
    expect(forFixedText.flatMap(codes)).not.toContain('SC1073');
    expect(published.filter((p) => p.uri === uri && p.version === 2).flatMap(codes)).not.toContain('SC1073');
  });
});
