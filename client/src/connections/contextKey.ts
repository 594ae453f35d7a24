// The `koreCampaign.hasConnections` context key: Edit Connection, Remove Connection and Sign Out
// appear in the command palette only when there is a connection to act on (package.json `when`).
import * as vscode from 'vscode';
import type { ConnectionStore } from './store';

export const HAS_CONNECTIONS = 'koreCampaign.hasConnections';

export function trackConnectionContext(store: ConnectionStore): vscode.Disposable {
  let last: boolean | undefined;
  const update = () => {
    const has = store.list().length > 0;
    if (has === last) return;
    last = has;
    void vscode.commands.executeCommand('setContext', HAS_CONNECTIONS, has);
  };
  update();
  return store.onDidChange(update);
}
