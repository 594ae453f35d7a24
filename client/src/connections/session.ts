// Which connection a platform call talks to, with its credentials: one choice and the same
// questions for push, pull, show changes and create, so they never disagree about "where".
import * as vscode from 'vscode';
import type { Connection, Credentials } from '../../../platform/src';
import { pickConnection } from './pick';
import { addConnection, promptCredentials } from './prompts';
import type { ConnectionStore } from './store';

export interface Session {
  connection: Connection;
  credentials: Credentials;
}

/** The active connection, or the one the user picks or adds now; `verb` says what for (push to, pull from...). */
export async function resolveConnection(
  store: ConnectionStore,
  uri: vscode.Uri | undefined,
  verb = 'push to',
): Promise<Connection | undefined> {
  await store.confirmPreference(uri);
  const active = store.active(uri);
  if (active) return active;
  const missing = store.missingPreference(uri);
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
    const picked = await pickConnection(store, `Which connection to ${verb}?`, uri);
    if (picked) await store.setActive(picked);
    return picked;
  }
  return undefined;
}

/** The stored credentials, or new ones the user enters now (stored); undefined when they decline. */
export async function resolveCredentials(store: ConnectionStore, connection: Connection): Promise<Credentials | undefined> {
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
  const credentials = await resolveCredentials(store, connection);
  return credentials ? { connection, credentials } : undefined;
}
