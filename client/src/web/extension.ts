// The extension's `browser` entry (dist/web/client.js) for vscode.dev, github.dev and any web
// worker extension host: the desktop entry (../extension.ts) with the language server in a web
// worker and no local sandbox. Activation registers the commands and returns; the language
// client and the push engine load from their own bundles (./extensionFiles.ts).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerPushFeatures } from '../push';
import type { PushEngine } from '../push/pushFlow';
import { webBundle } from './extensionFiles';
import type * as WebLanguageClient from './languageClient';

let client: BaseLanguageClient | undefined;
let stopped = false;

export function activate(context: vscode.ExtensionContext): void {
  stopped = false;
  registerPushFeatures(context, { engine: webBundle<PushEngine>(context, 'pushEngine.js') });
  void webBundle<typeof WebLanguageClient>(context, 'languageClient.js')()
    .then((bundle) => (stopped ? undefined : bundle.startLanguageClient(context)))
    .then(
      (started) => {
        client = started;
        if (stopped) void started?.stop();
      },
      (error: unknown) => void vscode.window.showErrorMessage(`Kore.ai Campaigns: the language server did not start in the browser: ${(error as Error)?.message ?? error}`),
    );
  context.subscriptions.push({ dispose: () => void deactivate() });
}

export async function deactivate(): Promise<void> {
  stopped = true;
  const running = client;
  client = undefined;
  await running?.stop();
}
