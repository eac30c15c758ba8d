#!/usr/bin/env node
/**
 * npm run bench, part 3 — the language server under typing (prints, asserts nothing).
 *
 * Drives the built `layerlint lsp --stdio` as an editor does, over stdio, on a ~300-line Dockerfile
 * made of real ones (test/audit/files), and times from each edit to its diagnostics, less the
 * server's debounce (the quiet period it waits for after a keystroke):
 *  - our rules, after an edit outside the RUN scripts and after an edit inside one;
 *  - ShellCheck's findings, which follow in a second publish after an edit of a script;
 *  - an edit made the moment our findings arrive, while ShellCheck still runs on the previous text:
 *    its own findings must not wait for that ShellCheck run.
 * Target (issue 23): our rules' p95 ≤ 50 ms on this machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const root = new URL('..', import.meta.url).pathname;
const { DEBOUNCE_MS } = await import(join(root, 'dist/src/lsp/server.js'));
const EDITS = Number(process.env.BENCH_LSP_EDITS ?? 40);

/** ~300 lines of real Dockerfiles, stage after stage, the longest first. */
function realDocument(lines = 300) {
  const dir = join(root, 'test/audit/files');
  const texts = readdirSync(dir)
    .map((name) => readFileSync(join(dir, name, 'Dockerfile'), 'utf8'))
    .sort((a, b) => b.length - a.length);
  const picked = [];
  let count = 0;
  for (const text of texts) {
    if (count >= lines) break;
    picked.push(text.trimEnd());
    count += text.trimEnd().split('\n').length;
  }
  return `${picked.join('\n\n')}\n`.split('\n').slice(0, lines).join('\n');
}

const base = realDocument();
const runLine = base.split('\n').findIndex((line) => /^RUN .*\S/.test(line) && !line.trimEnd().endsWith('\\'));
// An edit outside the scripts: a LABEL appended; inside one: a word added to a one-line RUN.
const editOutside = (n) => `${base}\nLABEL edit="${n}"\n`;
const editInside = (n) =>
  base
    .split('\n')
    .map((line, i) => (i === runLine ? `${line} && echo ${n}` : line))
    .join('\n');

const server = spawn(process.execPath, [join(root, 'bin/layerlint'), 'lsp', '--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit'],
  env: { ...process.env, LAYERLINT_LSP_TIMINGS: '1' },
});
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const waiters = [];
const seen = new Map();
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  const key = `${params.version}`;
  seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const waiter of [...waiters]) {
    if (waiter.version === params.version && seen.get(key) >= waiter.count) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(performance.now());
    }
  }
});
connection.onNotification('window/showMessage', () => {});
/** The server's own figures (LAYERLINT_LSP_TIMINGS): from the start of a validation to its publish. */
const serverTimes = { ours: [], shellcheck: [] };
let recordServerTimes = false;
connection.onNotification('window/logMessage', ({ message }) => {
  const match = message.match(/^timing v\d+ (ours|shellcheck) ([\d.]+) ms/);
  if (match && recordServerTimes) serverTimes[match[1]].push(Number(match[2]));
});
connection.listen();

/** When the `count`-th publish of this version arrived. */
function published(version, count) {
  if ((seen.get(`${version}`) ?? 0) >= count) return Promise.resolve(performance.now());
  return new Promise((resolve) => waiters.push({ version, count, resolve }));
}

const uri = 'file:///tmp/layerlint-bench-lsp/Dockerfile';
const hasShellcheck = spawnSync('sh', ['-c', 'command -v shellcheck'], { stdio: 'ignore' }).status === 0;
await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
await connection.sendNotification('initialized', {});
let version = 1;
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text: base } });
await published(version, 1);
await new Promise((resolve) => setTimeout(resolve, 1500)); // ShellCheck's first answer

async function edit(text) {
  version += 1;
  const sent = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  return { version, sent };
}

const samples = { outside: [], inside: [], shellcheck: [], whileShellcheckRuns: [] };
recordServerTimes = true;
for (let n = 0; n < EDITS; n++) {
  const outside = await edit(editOutside(n));
  samples.outside.push((await published(outside.version, 1)) - outside.sent - DEBOUNCE_MS);
  const inside = await edit(editInside(n));
  samples.inside.push((await published(inside.version, 1)) - inside.sent - DEBOUNCE_MS);
  const shellcheckAt = await Promise.race([published(inside.version, 2), new Promise((resolve) => setTimeout(() => resolve(null), 5000))]);
  if (shellcheckAt !== null) samples.shellcheck.push(shellcheckAt - inside.sent - DEBOUNCE_MS);
  // Edit a script, and edit again as soon as our findings for it arrive: ShellCheck is running then.
  const script = await edit(editInside(`again-${n}`));
  await published(script.version, 1);
  const next = await edit(editOutside(`next-${n}`));
  samples.whileShellcheckRuns.push((await published(next.version, 1)) - next.sent - DEBOUNCE_MS);
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.BENCH_LSP_PAUSE ?? 300)));
}

const percentile = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))];
const row = (name, list) =>
  `  ${name.padEnd(44)} ${list.length ? `p50 ${percentile(list, 50).toFixed(0).padStart(4)} ms   p95 ${percentile(list, 95).toFixed(0).padStart(4)} ms   (${list.length} edits)` : 'none'}`;
console.log(
  `\nLanguage server, a ${base.split('\n').length}-line Dockerfile of real ones. In the editor (the client's clock, from sending an edit to its diagnostics, less the ${DEBOUNCE_MS} ms debounce; JSON-RPC both ways included):`,
);
console.log(row('our rules, edit outside the RUN scripts', samples.outside));
console.log(row('our rules, edit inside a RUN script', samples.inside));
console.log(row("ShellCheck's findings after a script edit", samples.shellcheck));
console.log(row('our rules while ShellCheck runs on the last text', samples.whileShellcheckRuns));
console.log('In the server (from the start of a validation to its publish):');
console.log(row('our rules, every validation', serverTimes.ours));
console.log(row("ShellCheck's findings", serverTimes.shellcheck));
if (!hasShellcheck || samples.shellcheck.length === 0) console.log('  (no ShellCheck findings came: is shellcheck on PATH?)');
console.log('  target: our rules p95 ≤ 50 ms');
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
