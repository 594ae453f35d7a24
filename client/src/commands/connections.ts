// The connection commands: add, edit, remove, select, sign out. The prompts themselves are in
// connections/prompts.ts (loaded with the engine); these only sequence them and tell the user what happened.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { SANDBOX_CONNECTION_ID } from '../connections/store';
import { pickConnection } from '../connections/pick';

export async function addConnection(ctx: Ctx): Promise<void> {
  // The dialogs (a multi-step input) load with the push engine: activation only lists connections.
  const connection = await (await ctx.engine()).addConnection(ctx.store);
  if (!connection) return;
  await ctx.store.setActive(connection);
  ctx.log.info(`Connection ${connection.name} (${connection.host}) added and selected.`);
  void vscode.window.showInformationMessage(`Connection ${connection.name} (${connection.host}) added and selected.`);
}

export async function editConnection(ctx: Ctx): Promise<void> {
  const connection = await pickConnection(ctx.store, 'Edit which connection?');
  if (!connection) return;
  const updated = await (await ctx.engine()).editConnection(ctx.store, connection);
  if (updated) void vscode.window.showInformationMessage(`Connection ${updated.name} updated.`);
}

export async function removeConnection(ctx: Ctx): Promise<void> {
  const connection = await pickConnection(ctx.store, 'Remove which connection?');
  if (!connection) return;
  const confirm = await vscode.window.showWarningMessage(
    `Remove the connection ${connection.name} (${connection.host}) and delete its stored credentials?`,
    { modal: true },
    'Remove',
  );
  if (confirm !== 'Remove') return;
  await ctx.store.remove(connection);
  ctx.log.info(`Connection ${connection.name} removed with its stored credentials.`);
  void vscode.window.showInformationMessage(`Connection ${connection.name} removed; its credentials were deleted from secret storage.`);
}

export async function selectConnection(ctx: Ctx): Promise<void> {
  const connection = await pickConnection(ctx.store, 'Push campaigns to which connection?', vscode.window.activeTextEditor?.document.uri);
  if (!connection) return;
  await ctx.store.setActive(connection);
}

export async function signOut(ctx: Ctx): Promise<void> {
  const active = ctx.store.active(vscode.window.activeTextEditor?.document.uri);
  const connection = ctx.store.list().length > 1 || !active ? await pickConnection(ctx.store, 'Sign out of which connection?') : active;
  if (!connection) return;
  const confirm = await vscode.window.showWarningMessage(
    `Sign out of ${connection.name} (${connection.host})? Its stored credentials are deleted; the connection stays, and the next push asks for credentials again.`,
    { modal: true },
    'Sign Out',
  );
  if (confirm !== 'Sign Out') return;
  await ctx.store.deleteCredentials(connection);
  ctx.log.info(`Signed out of ${connection.name}.`);
  const sandboxNote = connection.id === SANDBOX_CONNECTION_ID ? ' (Add Connection > Local sandbox restores the sandbox credentials.)' : '';
  void vscode.window.showInformationMessage(
    `Signed out of ${connection.name}: its credentials were deleted from secret storage.${sandboxNote}`,
  );
}
