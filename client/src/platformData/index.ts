// Platform data in the editor: the contact lists of the active connection for the language
// server, the Refresh Platform Data command, and the language status item. Small on purpose:
// it runs at activation; the HTTP client loads with the push engine on the first fetch.
import * as vscode from 'vscode';
import type { ConnectionStore } from '../push/connections';
import { LANGUAGE_ID } from '../language';
import { PlatformData, type NotifyServer } from './platformData';
import { PlatformStatusItem, type ServerState, type StatusText } from './statusItem';

export interface PlatformDataApi {
  /** Give the language client's notify once it exists, and say how it is doing. */
  attach(notify: NotifyServer, serverState: () => ServerState, onServerChange: (listener: () => void) => vscode.Disposable): void;
  /** What the language status item shows (for the in-editor tests). */
  status(): StatusText;
}

export function registerPlatformData(context: vscode.ExtensionContext, store: ConnectionStore, log: vscode.LogOutputChannel): PlatformDataApi {
  const platform = new PlatformData(context, store, log);
  let serverState: () => ServerState = () => 'starting';
  const status = new PlatformStatusItem(platform, () => serverState());
  context.subscriptions.push(platform, status);

  const refresh = (force = false) => void platform.refresh(force).catch((error: unknown) => log.error(`[contact lists] ${(error as Error)?.message ?? error}`));
  context.subscriptions.push(
    vscode.commands.registerCommand('koreCampaign.refreshPlatformData', async () => {
      const state = await platform.refresh(true);
      return state.state;
    }),
    // A new active connection, new credentials or a signed-out one: the lists follow.
    store.onDidChange(() => refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('koreCampaign.preferredConnection') || e.affectsConfiguration('koreCampaign.connections.sandboxPort')) refresh();
    }),
    // Lists older than the cache time are fetched again when a campaign file comes to the front.
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor?.document.languageId === LANGUAGE_ID) refresh();
    }),
  );
  refresh();

  return {
    attach(notify, state, onServerChange) {
      serverState = state;
      platform.attach(notify);
      context.subscriptions.push(
        onServerChange(() => {
          status.update();
          // A restarted server knows nothing: tell it again.
          if (state() === 'running') platform.attach(notify);
        }),
      );
      status.update();
    },
    status: () => status.status,
  };
}
