/**
 * The language server, spawned and spoken to over stdio with vscode-jsonrpc's client side, as an
 * editor does: initialize, didOpen, diagnostics, code action, apply the edit, diagnostic gone.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { startLanguageServer } from './lsp-client.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';

let connection: MessageConnection;
let published: PublishDiagnosticsParams[];
let initialized: unknown;
let stop: () => Promise<void>;

/** Wait for the next diagnostics for `uri` that satisfy `accept`. */
function diagnosticsFor(uri: string, accept: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const found = published.filter((p) => p.uri === uri).at(-1);
      if (found && accept(found.diagnostics)) resolve(found.diagnostics);
      else if (Date.now() - started > timeoutMs)
        reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(found?.diagnostics.map((d) => d.code))}`));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

beforeAll(async () => {
  ({ connection, published, initialized, stop } = await startLanguageServer());
  const result = initialized as { capabilities: { codeActionProvider: unknown; textDocumentSync: unknown }; serverInfo: { name: string } };
  expect(result.serverInfo.name).toBe('layerlint');
  expect(result.capabilities.codeActionProvider).toBeTruthy();
});

afterAll(() => stop());

describe('layerlint lsp --stdio', () => {
  test('didOpen publishes diagnostics with exact ranges, rule code, docs link and related information', async () => {
    const uri = 'file:///tmp/layerlint-lsp-a/Dockerfile';
    const text = 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    const [diagnostic] = await diagnosticsFor(uri, (d) => d.length > 0);
    expect(diagnostic).toMatchObject({
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } },
      severity: 2,
      code: 'multiple-cmd',
      source: 'layerlint',
      codeDescription: { href: expect.stringMatching(/docs\/rules\/multiple-cmd\.md$/) },
    });
    expect(diagnostic.relatedInformation?.[0]).toMatchObject({ location: { uri, range: { start: { line: 2, character: 0 } } } });
  });

  test.each([
    [
      'converts shell-form CMD to exec form',
      'FROM python:3.12-slim\nCMD python app.py\n',
      'shell-form-cmd',
      'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
    ],
    [
      'fixes single-quoted JSON',
      "FROM alpine:3.19\nENTRYPOINT ['/app', '--serve']\n",
      'invalid-exec-form',
      'FROM alpine:3.19\nENTRYPOINT ["/app", "--serve"]\n',
    ],
    [
      'adds --no-install-recommends',
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      'apt-no-install-recommends',
      'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n',
    ],
    [
      'merges a cleanup RUN into the RUN that made the files',
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      'cleanup-in-separate-layer',
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
    ],
  ])('quick fix %s; after applying it the diagnostic goes away', async (_name, text, ruleId, fixed) => {
    const uri = `file:///tmp/layerlint-lsp-${ruleId}/Dockerfile`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    const diagnostics = await diagnosticsFor(uri, (d) => d.some((x) => x.code === ruleId));
    const target = diagnostics.filter((d) => d.code === ruleId);
    const actions = (await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: target[0].range,
      context: { diagnostics: target },
    })) as CodeAction[];
    expect(actions).toHaveLength(1);
    expect(actions[0].kind).toBe('quickfix');
    const edits = actions[0].edit!.changes![uri] as TextEdit[];
    const newText = TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
    expect(newText).toBe(fixed);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: newText }] });
    const after = await diagnosticsFor(uri, (d) => !d.some((x) => x.code === ruleId) && published.filter((p) => p.uri === uri).length > 1);
    expect(after.map((d) => d.code)).not.toContain(ruleId);
  });

  test('source.fixAll (fix on save): every safe fix in one edit, through the same engine as lint --fix; unsafe quick fixes are never preferred', async () => {
    const uri = 'file:///tmp/layerlint-lsp-fix-all/Dockerfile';
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*\nCMD ["a"]\nCMD python app.py\n';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    const diagnostics = await diagnosticsFor(uri, (d) => d.some((x) => x.code === 'shell-form-cmd'));
    const [fixAll, ...more] = (await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(more).toEqual([]);
    expect(fixAll.kind).toBe('source.fixAll.layerlint');
    const change = fixAll.edit!.documentChanges![0] as { edits: TextEdit[] };
    expect(TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), change.edits)).toBe(
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCMD ["python", "app.py"]\n',
    );
    const unsafe = diagnostics.filter((d) => d.code === 'apt-no-install-recommends');
    const [quickFix] = (await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: unsafe[0].range,
      context: { diagnostics: unsafe },
    })) as CodeAction[];
    expect(quickFix.title).toMatch(/changes behaviour/);
    expect(quickFix.isPreferred).toBe(false);
  });

  test('honours .layerlint.yaml next to the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-lsp-'));
    writeFileSync(join(dir, '.layerlint.yaml'), 'rules:\n  multiple-cmd: off\n');
    writeFileSync(join(dir, 'Dockerfile'), '');
    const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n' },
    });
    expect(await diagnosticsFor(uri)).toEqual([]);
  });

  test('an invalid config is reported, the defaults are used, and the server keeps running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-lsp-bad-'));
    writeFileSync(join(dir, '.layerlint.yaml'), 'rules:\n  multiple-cmd: loud\n');
    const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n' },
    });
    expect((await diagnosticsFor(uri, (d) => d.length > 0)).map((d) => d.code)).toEqual(['multiple-cmd']);
    const again = 'file:///tmp/layerlint-lsp-after-bad-config/Dockerfile';
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: again, languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.19\nCMD x\n' },
    });
    expect((await diagnosticsFor(again, (d) => d.length > 0)).map((d) => d.code)).toEqual(['shell-form-cmd']);
  });

  test('rapid changes are debounced: only the last version is published', async () => {
    const uri = 'file:///tmp/layerlint-lsp-debounce/Dockerfile';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.19\n' } });
    await diagnosticsFor(uri);
    const before = published.filter((p) => p.uri === uri).length;
    // Sent back to back, faster than anyone types: awaited one by one, a loaded machine spaced them past the
    // debounce (200 ms) and the test failed while the server did what it should.
    const versions = [2, 3, 4, 5, 6];
    await Promise.all(
      versions.map((version) =>
        connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ text: `FROM alpine:3.19\n${'CMD ["x"]\n'.repeat(version)}` }],
        }),
      ),
    );
    const last = await diagnosticsFor(uri, (d) => d.length === 5);
    expect(last).toHaveLength(5);
    const after = published.filter((p) => p.uri === uri).slice(before);
    expect(after.length).toBe(1);
    expect(after[0].version).toBe(6);
  });
});
