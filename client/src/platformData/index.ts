// Platform data in the editor: the contact lists of the active connection for the language
// server, the Refresh Platform Data command, and the language status item. Built into the
// language client's bundle and started with it, right after activation (not on its path); the
// HTTP client loads with the push engine on the first fetch.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { ConnectionStore } from '../connections/store';
import { LANGUAGE_ID } from '../language';
import { PlatformData, type NotifyServer } from './platformData';
import { PlatformStatusItem, type ServerState, type StatusRows } from './statusItem';

export interface PlatformDataApi {
  /** What the language status rows show (for the in-editor tests). */
  status(): StatusRows;
}

export function registerPlatformData(
  context: vscode.ExtensionContext,
  store: ConnectionStore,
  log: vscode.LogOutputChannel,
  client: LanguageClient,
): PlatformDataApi {
  const platform = new PlatformData(context, store, log);
  const serverState = (): ServerState =>
    client.state === State.Running ? 'running' : client.state === State.Stopped ? 'stopped' : 'starting';
  const status = new PlatformStatusItem(platform, serverState);
  context.subscriptions.push(platform, status);
  const notify: NotifyServer = (method, params) => void client.sendNotification(method, params).catch(() => undefined);

  const refresh = (force = false) =>
    void platform.refresh(force).catch((error: unknown) => log.error(`[contact lists] ${(error as Error)?.message ?? error}`));
  context.subscriptions.push(
    vscode.commands.registerCommand('koreCampaign.refreshPlatformData', async () => {
      const state = await platform.refresh(true);
      return state.state;
    }),
    // A new active connection, new credentials or a signed-out one: the lists follow.
    store.onDidChange(() => refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('koreCampaign.preferredConnection') || e.affectsConfiguration('koreCampaign.connections.sandboxPort'))
        refresh();
    }),
    // Lists older than the cache time are fetched again when a campaign file comes to the front.
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor?.document.languageId === LANGUAGE_ID) refresh();
    }),
    client.onDidChangeState(() => {
      status.update();
      // A restarted server knows nothing: tell it again.
      if (client.state === State.Running) platform.attach(notify);
    }),
  );
  platform.attach(notify);
  refresh();
  return { status: () => status.status };
}
