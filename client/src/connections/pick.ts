// The quick pick of the user's connections (Select, Edit, Remove, Sign Out, and a command that
// has none active). Its own file: the connection commands at activation need it, not the dialogs.
import * as vscode from 'vscode';
import type { Connection } from '../../../platform/src/connection';
import type { ConnectionStore } from './store';

export async function pickConnection(store: ConnectionStore, title: string, resource?: vscode.Uri): Promise<Connection | undefined> {
  const active = store.active(resource);
  const items = await Promise.all(
    store.list().map(async (connection) => ({
      label: connection.name,
      description: `${connection.host} | ${connection.iid}`,
      detail: `${connection.id === active?.id ? 'active | ' : ''}${(await store.getCredentials(connection)) ? 'signed in' : 'no credentials stored'}`,
      connection,
    })),
  );
  if (items.length === 0) {
    const add = await vscode.window.showInformationMessage('There are no Kore.ai connections yet.', 'Add Connection');
    if (add) await vscode.commands.executeCommand('koreCampaign.addConnection');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true }))?.connection;
}
