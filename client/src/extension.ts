// The extension's client: starts the language server for `kore-campaign` documents and
// registers the push features. Analysis lives in the server; nothing here parses YAML.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerPushFeatures } from './push';

export const LANGUAGE_ID = 'kore-campaign';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'koreCampaign' },
    outputChannelName: 'Kore.ai Campaigns (language server)',
  };
  client = new LanguageClient('koreCampaign', 'Kore.ai Campaigns', serverOptions, clientOptions);
  registerPushFeatures(context, client);
  // Not awaited: activation returns at once and the server comes up in the background.
  void client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
