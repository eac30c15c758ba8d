/**
 * `layerlint lsp --stdio`: a language server publishing layerlint's findings as diagnostics
 * (on open, on change debounced, on save), with quick fixes where a rule has a safe textual fix.
 * Honours the same .layerlint.yaml as the command line.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../lint.js';
import { DEFAULT_CONFIG, findConfigFile, loadConfig, type Config } from '../config/config.js';
import { VERSION } from '../meta.js';
import { quickFixes, toDiagnostic } from './diagnostics.js';
import { findShellcheck } from '../shellcheck/shellcheck.js';

/** Quiet period after the last keystroke before linting again. */
export const DEBOUNCE_MS = 200;

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const timers = new Map<string, NodeJS.Timeout>();
  const reportedConfigErrors = new Set<string>();
  const shellcheck = findShellcheck();

  async function configFor(uri: string): Promise<Config> {
    if (!uri.startsWith('file:')) return DEFAULT_CONFIG;
    const file = findConfigFile(dirname(fileURLToPath(uri)));
    if (!file) return DEFAULT_CONFIG;
    try {
      return await loadConfig(file);
    } catch (error) {
      if (!reportedConfigErrors.has(file)) {
        reportedConfigErrors.add(file);
        // A notification, not window.showErrorMessage(): that is a request, and a client that does not
        // answer it would leave a rejected promise, which ends the process.
        void connection.sendNotification('window/showMessage', { type: 1, message: `layerlint: ${(error as Error).message}; linting with the default settings` });
      }
      return DEFAULT_CONFIG;
    }
  }

  async function validate(document: TextDocument): Promise<void> {
    const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : document.uri;
    try {
      const result = await lintText(document.getText(), path, { config: await configFor(document.uri), shellcheck });
      // The document may have changed while we linted; its next validation will publish.
      if (documents.get(document.uri)?.version !== document.version) return;
      connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: result.findings.map((f) => toDiagnostic(f, document.uri)) });
    } catch (error) {
      connection.console.error(`layerlint: could not lint ${document.uri}: ${(error as Error).message}`);
    }
  }

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(timers.get(document.uri));
    timers.set(document.uri, setTimeout(() => {
      timers.delete(document.uri);
      void validate(document);
    }, delay));
  }

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'layerlint', version: VERSION },
  }));
  documents.onDidOpen((event) => schedule(event.document, 0));
  documents.onDidChangeContent((event) => schedule(event.document, DEBOUNCE_MS));
  documents.onDidSave((event) => schedule(event.document, 0));
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  connection.onCodeAction((params) => quickFixes(params.textDocument.uri, params.context.diagnostics));
  documents.listen(connection);
  connection.listen();
}
