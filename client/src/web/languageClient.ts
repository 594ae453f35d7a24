// Built as dist/web/languageClient.js: the LSP client for the browser, with platform data, loaded
// after activation (main.ts). The server (dist/web/server.js) runs in its own web worker.
import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions } from 'vscode-languageclient/browser';
import { campaignClientOptions, CLIENT_ID, CLIENT_NAME, startInBackground } from '../clientOptions';
import { readExtensionFile } from './extensionFiles';

export { startPlatformData } from '../platformData';

// The DOM's worker API, declared here rather than adding the DOM library to the whole project.
declare const Worker: new (url: string, options?: { name?: string }) => Extract<ServerOptions, { postMessage: unknown }>;
declare const Blob: new (parts: string[], options?: { type?: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  // From a blob: URL: VS Code refuses `new Worker()` on a remote extension's own URI (code-server,
  // Codespaces), and a blob works wherever the extension is served from.
  const source = await readExtensionFile(context, 'dist', 'web', 'server.js');
  const url = URL.createObjectURL(new Blob([source], { type: 'application/javascript' }));
  const worker = new Worker(url, { name: 'Kore.ai campaign language server' });
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, campaignClientOptions());
  startInBackground(client, context);
  return client;
}
