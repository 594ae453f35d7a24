// Platform data in the editor: the contact lists of the active connection for the language
// server and the language status items, on desktop and in the browser alike. Built into the
// language client's bundle (languageClient.ts, web/languageClient.ts) and started with the
// client, right after activation (main.ts), not on its path; the request loads with the push
// engine on the first fetch. Refresh Platform Data is in the command table (commands/index.ts).
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { config } from '../config';
import type { Ctx, PlatformDataApi } from '../ctx';
import { LANGUAGE_ID } from '../language';
import { PlatformData, type NotifyServer } from './platformData';
import { PlatformStatusItem, type ServerState } from './statusItem';

export function startPlatformData(ctx: Ctx, client: BaseLanguageClient): PlatformDataApi {
  const { store, log } = ctx;
  const fetchLists = async (...args: Parameters<PlatformData['fetchLists']>) => (await ctx.engine()).readContactLists(...args);
  const platform = new PlatformData(ctx.extension.globalState, store, log, fetchLists);
  const serverState = (): ServerState =>
    client.state === State.Running ? 'running' : client.state === State.Stopped ? 'stopped' : 'starting';
  const status = new PlatformStatusItem(platform, serverState);
  ctx.extension.subscriptions.push(platform, status);
  const notify: NotifyServer = (method, params) => void client.sendNotification(method, params).catch(() => undefined);

  const refresh = (force = false) =>
    void platform.refresh(force).catch((error: unknown) => log.error(`[contact lists] ${(error as Error)?.message ?? error}`));
  ctx.extension.subscriptions.push(
    // A new active connection, new credentials or a signed-out one: the lists follow.
    store.onDidChange(() => refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => config.affects(e, 'preferredConnection', 'connections.sandboxPort') && refresh()),
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
  return { status: () => status.status, refresh: (force) => platform.refresh(force) };
}
