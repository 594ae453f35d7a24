// The extension's entry point (dist/client.js). Activation registers the commands and the
// connection status item and returns; the language client starts on the next turn of the
// event loop from its own bundle, and the push engine loads on the first push. Analysis lives
// in the language server; nothing here parses YAML.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type * as LanguageClientBundle from './languageClient';
import { lazyBundle } from './lazyBundle';
import { registerPushFeatures } from './push';
import { registerWalkthroughCommands } from './walkthrough';

export { LANGUAGE_ID } from './language';

const languageClientBundle = lazyBundle<typeof LanguageClientBundle>('languageClient.js');
let client: LanguageClient | undefined;
let stopped = false;

export function activate(context: vscode.ExtensionContext): void {
  stopped = false;
  registerPushFeatures(context);
  registerWalkthroughCommands(context);
  setImmediate(() => {
    if (stopped) return;
    client = languageClientBundle().startLanguageClient(context);
  });
  context.subscriptions.push({ dispose: () => void deactivate() });
}

export async function deactivate(): Promise<void> {
  stopped = true;
  const running = client;
  client = undefined;
  await running?.stop();
}
