// The extension's `browser` entry (dist/web/client.js) for vscode.dev, github.dev and any web
// worker extension host: the desktop entry (../extension.ts) with the language server in a web
// worker, git's view of local changes from the git extension (no git process) and no local sandbox. Activation registers the commands and returns; the language
// client and the push engine load from their own bundles (./extensionFiles.ts).
import * as vscode from 'vscode';
import { BackgroundClient } from '../backgroundClient';
import type { PushEngine } from '../ctx';
import { registerPushFeatures } from '../push';
import { registerWalkthroughCommands } from '../commands/walkthrough';
import { webBundle } from './extensionFiles';
import { gitExtensionStatus } from './gitExtension';
import type * as WebLanguageClient from './languageClient';

const client = new BackgroundClient();

export function activate(context: vscode.ExtensionContext): void {
  client.reset();
  registerPushFeatures(context, { engine: webBundle<PushEngine>(context, 'pushEngine.js'), git: gitExtensionStatus });
  registerWalkthroughCommands(context);
  const languageClient = webBundle<typeof WebLanguageClient>(context, 'languageClient.js');
  client
    .start(async () => (await languageClient()).startLanguageClient(context))
    .catch((error: unknown) => {
      void vscode.window.showErrorMessage(
        `Kore.ai Campaigns: the language server did not start in the browser: ${(error as Error)?.message ?? error}`,
      );
    });
  context.subscriptions.push({ dispose: () => void deactivate() });
}

export function deactivate(): Promise<void> {
  return client.stop();
}
