// Built as dist/languageClient.js: the LSP client and its protocol libraries, loaded by
// extension.ts right after activation returns.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './language';

export { registerPlatformData } from './platformData';

export function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // Heap sized for a resident server (docs/performance.md, bench/lsp-driver.mjs SERVER_EXEC_ARGV): small young generation, old one grown 25 % past live.
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=2', '--heap-growing-percent=25'] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=2', '--heap-growing-percent=25', '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'koreCampaign' },
    outputChannelName: 'Kore.ai Campaigns (language server)',
  };
  const client = new LanguageClient('koreCampaign', 'Kore.ai Campaigns', serverOptions, clientOptions);
  // Not awaited: the server comes up in the background; documents already open are synced when it does.
  void client.start();
  return client;
}
