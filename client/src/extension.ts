// The extension's entry point (dist/client.js). Activation registers the commands and the
// connection status item and returns; the language client starts on the next turn of the
// event loop from its own bundle, and the push engine loads on the first push. Analysis lives
// in the language server; nothing here parses YAML.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type * as LanguageClientBundle from './languageClient';
import { lazyBundle } from './lazyBundle';
import { registerPlatformData, type PlatformDataApi } from './platformData';
import { registerPushFeatures } from './push';

export { LANGUAGE_ID } from './language';

const languageClientBundle = lazyBundle<typeof LanguageClientBundle>('languageClient.js');
let client: LanguageClient | undefined;
let stopped = false;

/** What the extension gives other code (the in-editor tests read the status item through it). */
export interface CampaignExtensionApi {
  platformData: Pick<PlatformDataApi, 'status'>;
}

export function activate(context: vscode.ExtensionContext): CampaignExtensionApi {
  stopped = false;
  const { store, log } = registerPushFeatures(context);
  const platformData = registerPlatformData(context, store, log);
  setImmediate(() => {
    if (stopped) return;
    const started = (client = languageClientBundle().startLanguageClient(context));
    platformData.attach(
      (method, params) => void started.sendNotification(method, params).catch(() => undefined),
      () => (started.isRunning() ? 'running' : started.state === 1 ? 'stopped' : 'starting'),
      (listener) => started.onDidChangeState(listener),
    );
  });
  context.subscriptions.push({ dispose: () => void deactivate() });
  return { platformData: { status: () => platformData.status() } };
}

export async function deactivate(): Promise<void> {
  stopped = true;
  const running = client;
  client = undefined;
  await running?.stop();
}
