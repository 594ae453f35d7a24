// The extension's entry point (dist/client.js). Activation registers the commands and the
// connection status item and returns; the language client starts on the next turn of the
// event loop from its own bundle, and the push engine loads on the first push. Analysis lives
// in the language server; nothing here parses YAML.
import type * as vscode from 'vscode';
import { BackgroundClient } from './backgroundClient';
import type * as LanguageClientBundle from './languageClient';
import { lazyBundle } from './lazyBundle';
import type { PlatformDataApi } from './platformData';
import { registerPushFeatures } from './push';
import { pushEngine } from './engine/desktopBundle';
import { LocalSandbox } from './localSandbox';
import { gitProcessStatus } from './roundTrip/gitProcess';
import { registerWalkthroughCommands } from './commands/walkthrough';

export { LANGUAGE_ID } from './language';

const languageClientBundle = lazyBundle<typeof LanguageClientBundle>('languageClient.js');
const client = new BackgroundClient();

/** What the extension gives other code (the in-editor tests read the status item through it). */
export interface CampaignExtensionApi {
  platformData: Pick<PlatformDataApi, 'status'>;
}

export function activate(context: vscode.ExtensionContext): CampaignExtensionApi {
  client.reset();
  const { store, log } = registerPushFeatures(context, {
    engine: async () => pushEngine(),
    git: gitProcessStatus,
    localSandbox: (log) => new LocalSandbox(log),
  });
  registerWalkthroughCommands(context);
  let platformData: PlatformDataApi | undefined;
  setImmediate(
    () =>
      void client.start(() => {
        const bundle = languageClientBundle();
        const started = bundle.startLanguageClient(context);
        // Platform data (contact lists, status item) starts with the client, off the activation path.
        platformData = bundle.registerPlatformData(context, store, log, started);
        return started;
      }),
  );
  context.subscriptions.push({ dispose: () => void deactivate() });
  const notYet = { text: '', detail: 'starting', severity: 'information' } as const;
  return { platformData: { status: () => platformData?.status() ?? { server: notYet, platform: notYet } } };
}

export function deactivate(): Promise<void> {
  return client.stop();
}
