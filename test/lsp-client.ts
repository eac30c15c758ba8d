/** The built language server (`layerlint lsp --stdio`) spawned and spoken to as an editor does. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const bin = new URL('../bin/layerlint', import.meta.url).pathname;

export interface LanguageServer {
  connection: MessageConnection;
  /** Every publishDiagnostics notification, in the order they came. */
  published: PublishDiagnosticsParams[];
  /** The initialize request's result. */
  initialized: unknown;
  stop(): Promise<void>;
}

export async function startLanguageServer(env: NodeJS.ProcessEnv = process.env): Promise<LanguageServer> {
  const server: ChildProcessWithoutNullStreams = spawn(process.execPath, [bin, 'lsp', '--stdio'], { env });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
  });
  connection.onNotification('window/showMessage', () => {});
  connection.listen();
  const initialized = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    published,
    initialized,
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      await new Promise((resolve) => server.once('exit', resolve));
    },
  };
}
