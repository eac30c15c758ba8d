/**
 * `layerlint lsp --stdio`: a language server publishing layerlint's findings as diagnostics
 * (on open, on change debounced, on save), with quick fixes where a rule has a safe textual fix.
 * Honours the same .layerlint.yaml as the command line.
 *
 * Our rules answer first; ShellCheck (a child process, tens to hundreds of ms) follows in a second
 * publish and never holds them back. Its last answer is kept per document with what it was given, so
 * an edit that leaves every RUN script and its ARG/ENV names as they were reuses it without a run.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type CodeAction } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../lint.js';
import { DEFAULT_CONFIG, type Config } from '../core/config.js';
import { configLookup } from '../config/config.js';
import { VERSION } from '../meta.js';

/** The code action kind of "fix all", as editors ask for it on save (`source.fixAll`). */
const FIX_ALL_KIND = 'source.fixAll.layerlint';
import { quickFixes, toDiagnostic } from './diagnostics.js';
import { fixText } from '../fix/fix-engine.js';
import { findShellcheck, shellcheckInputKey, shellcheckRules, type ShellcheckFinding } from '../shellcheck/shellcheck.js';
import { runShellcheck } from '../shellcheck/runner.js';
import { runRules } from '../runner/run.js';
import type { Finding } from '../core/findings.js';
import type { LayerModel } from '../model/types.js';

/** Quiet period after the last keystroke before linting again. */
export const DEBOUNCE_MS = 200;

/**
 * LAYERLINT_LSP_TIMINGS=1: log (window/logMessage) how long each lint took from the start of its
 * validation to its publish, ours and ShellCheck's (scripts/bench-lsp.mjs reads them).
 */
const LOG_TIMINGS = process.env.LAYERLINT_LSP_TIMINGS === '1';

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const timers = new Map<string, NodeJS.Timeout>();
  const reportedConfigErrors = new Set<string>();
  const shellcheck = findShellcheck();
  /** ShellCheck's last answer per document, with the input it answered. */
  const shellcheckAnswers = new Map<string, { key: string; found: ShellcheckFinding[] }>();
  /** The input ShellCheck is running on now, per document. */
  const shellcheckRunning = new Map<string, string>();

  // Looked up afresh for every validation: an edited or new config file takes effect at the next keystroke.
  const configs = configLookup({ remember: false });

  async function configFor(uri: string): Promise<Config> {
    if (!uri.startsWith('file:')) return DEFAULT_CONFIG;
    try {
      return await configs.configFor(dirname(fileURLToPath(uri)));
    } catch (error) {
      // Said once per problem (the message names the file), not at every keystroke.
      const problem = (error as Error).message;
      if (!reportedConfigErrors.has(problem)) {
        reportedConfigErrors.add(problem);
        // A notification, not window.showErrorMessage(): that is a request, and a client that does not
        // answer it would leave a rejected promise, which ends the process.
        void connection.sendNotification('window/showMessage', {
          type: 1,
          message: `layerlint: ${problem}; linting with the default settings`,
        });
      }
      return DEFAULT_CONFIG;
    }
  }

  /** ShellCheck's raw findings through the config and suppressions, as the command line reports them. */
  function shellcheckFindings(model: LayerModel, found: ShellcheckFinding[], config: Config): Finding[] {
    return runRules(model, shellcheckRules(found), config).findings;
  }

  function publish(uri: string, version: number, findings: Finding[]): void {
    connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, uri)) });
  }

  /** Is this still the document's text? (TextDocuments updates a document in place: compare versions, not objects.) */
  function isCurrent(uri: string, version: number): boolean {
    return documents.get(uri)?.version === version;
  }

  /**
   * "Fix all" (source.fixAll.layerlint, which editors run on save): every safe fix, through the same
   * engine as `lint --fix`, as one edit of the whole document.
   */
  async function fixAllAction(document: TextDocument): Promise<CodeAction | null> {
    const { uri, version } = document;
    const text = document.getText();
    const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    const config = await configFor(uri);
    const outcome = await fixText(text, async (candidate) => (await lintText(candidate, path, { config })).findings, { unsafe: false });
    if (outcome.text === text || !isCurrent(uri, version)) return null;
    const end = document.positionAt(text.length);
    return {
      title: `Fix all safe layerlint findings (${outcome.applied.length})`,
      kind: FIX_ALL_KIND,
      edit: { documentChanges: [{ textDocument: { uri, version }, edits: [{ range: { start: { line: 0, character: 0 }, end }, newText: outcome.text }] }] },
    };
  }

  async function validate(document: TextDocument): Promise<void> {
    const { uri, version } = document;
    const started = performance.now();
    const text = document.getText();
    const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    try {
      const config = await configFor(uri);
      const result = await lintText(text, path, { config });
      // The document may have changed while we linted; its next validation will publish.
      if (!isCurrent(uri, version)) return;
      const key = shellcheck ? shellcheckInputKey(result.model.parsed) : null;
      const answer = shellcheckAnswers.get(uri);
      const known = answer && answer.key === key ? shellcheckFindings(result.model, answer.found, config) : [];
      publish(uri, version, [...result.findings, ...known]);
      if (LOG_TIMINGS) connection.console.log(`timing v${version} ours ${(performance.now() - started).toFixed(1)} ms`);
      if (shellcheck && key !== null && answer?.key !== key && shellcheckRunning.get(uri) !== key) {
        shellcheckRunning.set(uri, key);
        void followWithShellcheck(uri, version, result.model, result.findings, config, shellcheck, key, started);
      }
    } catch (error) {
      connection.console.error(`layerlint: could not lint ${uri}: ${(error as Error).message}`);
    }
  }

  async function followWithShellcheck(
    uri: string,
    version: number,
    model: LayerModel,
    ours: Finding[],
    config: Config,
    executable: string,
    key: string,
    started: number,
  ): Promise<void> {
    let found: ShellcheckFinding[];
    try {
      found = await runShellcheck(model.parsed, executable);
    } catch (error) {
      connection.console.error(`layerlint: ShellCheck was skipped for ${uri}: ${(error as Error).message}`);
      return;
    } finally {
      if (shellcheckRunning.get(uri) === key) shellcheckRunning.delete(uri);
    }
    const current = documents.get(uri);
    if (!current) return;
    shellcheckAnswers.set(uri, { key, found });
    if (current.version === version) {
      publish(uri, version, [...ours, ...shellcheckFindings(model, found, config)]);
      if (LOG_TIMINGS) connection.console.log(`timing v${version} shellcheck ${(performance.now() - started).toFixed(1)} ms`);
    }
    // Edited meanwhile: lint the new text, which takes this answer if its scripts are the same.
    else if (!timers.has(uri)) schedule(current, 0);
  }

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        void validate(document);
      }, delay),
    );
  }

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
    },
    serverInfo: { name: 'layerlint', version: VERSION },
  }));
  documents.onDidOpen((event) => schedule(event.document, 0));
  documents.onDidChangeContent((event) => schedule(event.document, DEBOUNCE_MS));
  documents.onDidSave((event) => schedule(event.document, 0));
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    shellcheckAnswers.delete(event.document.uri);
    connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  connection.onCodeAction(async (params) => {
    const { only } = params.context;
    const wanted = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
    const actions = wanted('quickfix') ? quickFixes(params.textDocument.uri, params.context.diagnostics) : [];
    const document = documents.get(params.textDocument.uri);
    // Only when asked for by kind (an editor's fix-on-save asks for source.fixAll), not in every lightbulb.
    if (document && only && wanted(FIX_ALL_KIND)) {
      const fixAll = await fixAllAction(document);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  });
  documents.listen(connection);
  connection.listen();
}
