// The extension's desktop entry (dist/client.js, package.json `main`): what the Node extension
// host provides (bundles loaded with require, git's view of a file from a git process, the local
// sandbox in this process), then activation as on every host (main.ts).
import type * as vscode from 'vscode';
import { desktopEngine } from './engine/desktopBundle';
import type * as LanguageClientModule from './languageClient';
import { lazyBundle } from './lazyBundle';
import { LocalSandbox } from './localSandbox';
import { activateOn, type CampaignExtensionApi } from './main';
import { gitProcessStatus } from './roundTrip/gitProcess';

export { LANGUAGE_ID } from './language';
export { deactivate, type CampaignExtensionApi } from './main';

const languageClientBundle = lazyBundle<typeof LanguageClientModule>('languageClient.js');

export function activate(context: vscode.ExtensionContext): CampaignExtensionApi {
  return activateOn(context, {
    where: '',
    engine: async () => desktopEngine(),
    languageClient: async () => {
      // On the next turn of the event loop: activation has returned by then.
      await new Promise((resolve) => setImmediate(resolve));
      return languageClientBundle();
    },
    git: gitProcessStatus,
    localSandbox: (log) => new LocalSandbox(log),
  });
}
