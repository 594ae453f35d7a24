// Built as dist/languageClient.js: the LSP client and its protocol libraries, with platform
// data, loaded right after activation returns (main.ts). The browser's counterpart is web/languageClient.ts.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { campaignClientOptions, CLIENT_ID, CLIENT_NAME, startInBackground } from './clientOptions';

export { startPlatformData } from './platformData';

export function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // Heap sized for a resident server (docs/performance.md, bench/lsp-driver.mjs SERVER_EXEC_ARGV): small young generation, old one grown 25 % past live.
    run: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--max-semi-space-size=2', '--heap-growing-percent=25'] },
    },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--max-semi-space-size=2', '--heap-growing-percent=25', '--nolazy', '--inspect=6019'] },
    },
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, campaignClientOptions());
  startInBackground(client, context);
  return client;
}
