// The extension's entry point (dist/client.js). Activation registers the commands and the
// connection status item and returns; the language client starts on the next turn of the
// event loop from its own bundle, and the push engine loads on the first push. Analysis lives
// in the language server; nothing here parses YAML.
import type * as vscode from 'vscode';
import { BackgroundClient } from './backgroundClient';
import type * as LanguageClientBundle from './languageClient';
import { lazyBundle } from './lazyBundle';
import { registerPushFeatures } from './push';
import { pushEngine } from './push/engineBundle';
import { LocalSandbox } from './push/localSandbox';
import { registerWalkthroughCommands } from './walkthrough';

export { LANGUAGE_ID } from './language';

const languageClientBundle = lazyBundle<typeof LanguageClientBundle>('languageClient.js');
const client = new BackgroundClient();

export function activate(context: vscode.ExtensionContext): void {
  client.reset();
  registerPushFeatures(context, { engine: async () => pushEngine(), localSandbox: (log) => new LocalSandbox(log) });
  registerWalkthroughCommands(context);
  setImmediate(() => void client.start(() => languageClientBundle().startLanguageClient(context)));
  context.subscriptions.push({ dispose: () => void deactivate() });
}

export function deactivate(): Promise<void> {
  return client.stop();
}
