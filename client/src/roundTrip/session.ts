// Which connection a round-trip command talks to, with its credentials: the same choice and
// the same questions as a push, so pull, show changes and push never disagree about "where".
import * as vscode from 'vscode';
import type { Connection, Credentials } from '../../../platform/src';
import type { ConnectionStore } from '../push/connections';
import { addConnection, pickConnection, promptCredentials } from '../push/prompts';

export interface Session {
  connection: Connection;
  credentials: Credentials;
}

export async function explainRestrictedMode(what: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    `${what} is off in Restricted Mode: it sends your stored credentials to a server, so it needs a trusted workspace.`,
    'Manage Workspace Trust',
  );
  if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
}

export async function resolveConnection(store: ConnectionStore, resource: vscode.Uri | undefined, verb = 'push to'): Promise<Connection | undefined> {
  const active = store.active(resource);
  if (active) return active;
  const missing = store.missingPreference(resource);
  const message = missing
    ? `This workspace prefers the connection "${missing}", which does not exist here. Choose a connection or add one named "${missing}".`
    : `Choose the Kore.ai connection to ${verb}.`;
  const choice = await vscode.window.showInformationMessage(message, 'Select Connection', 'Add Connection');
  if (choice === 'Add Connection') {
    const added = await addConnection(store);
    if (added) await store.setActive(added);
    return added;
  }
  if (choice === 'Select Connection') {
    const picked = await pickConnection(store, `Which connection to ${verb}?`, resource);
    if (picked) await store.setActive(picked);
    return picked;
  }
  return undefined;
}

/** The stored credentials, or asks for them once (and stores them). */
export async function ensureCredentials(store: ConnectionStore, connection: Connection): Promise<Credentials | undefined> {
  const stored = await store.getCredentials(connection);
  if (stored) return stored;
  const set = await vscode.window.showInformationMessage(`No credentials are stored for ${connection.name}.`, 'Enter Credentials');
  if (!set) return undefined;
  const credentials = await promptCredentials(connection);
  if (credentials) await store.setCredentials(connection, credentials);
  return credentials;
}

/** Connection and credentials for a command, or undefined when the user backed out. */
export async function openSession(store: ConnectionStore, resource: vscode.Uri | undefined, verb: string): Promise<Session | undefined> {
  const connection = await resolveConnection(store, resource, verb);
  if (!connection) return undefined;
  const credentials = await ensureCredentials(store, connection);
  return credentials ? { connection, credentials } : undefined;
}
