// The extension's entry point (dist/client.js). Activation registers the commands and the
// connection status item and returns; the language client starts on the next turn of the
// event loop from its own bundle, and the push engine loads on the first push. Analysis lives
// in the language server; nothing here parses YAML.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type * as LanguageClientBundle from './languageClient';
import { lazyBundle } from './lazyBundle';
import type { PlatformDataApi } from './platformData';
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
  let platformData: PlatformDataApi | undefined;
  setImmediate(() => {
    if (stopped) return;
    const bundle = languageClientBundle();
    client = bundle.startLanguageClient(context);
    // Platform data (contact lists, status item) starts with the client, off the activation path.
    platformData = bundle.registerPlatformData(context, store, log, client);
  });
  context.subscriptions.push({ dispose: () => void deactivate() });
  return { platformData: { status: () => platformData?.status() ?? { text: '', detail: 'starting', severity: 'information' } } };
}

export async function deactivate(): Promise<void> {
  stopped = true;
  const running = client;
  client = undefined;
  await running?.stop();
}
