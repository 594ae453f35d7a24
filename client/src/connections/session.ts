// Which connection a round-trip command talks to, with its credentials: the same choice and
// the same questions as a push (push/pushSteps.ts), so pull, show changes and push never
// disagree about "where".
import * as vscode from 'vscode';
import type { Connection, Credentials } from '../../../platform/src';
import type { ConnectionStore } from './store';
import { resolveConnection, resolveCredentials } from '../push/pushSteps';

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

/** Connection and credentials for a command, or undefined when the user backed out. */
export async function openSession(store: ConnectionStore, resource: vscode.Uri | undefined, verb: string): Promise<Session | undefined> {
  const connection = await resolveConnection(store, resource, verb);
  if (!connection) return undefined;
  const credentials = await resolveCredentials(store, connection);
  return credentials ? { connection, credentials } : undefined;
}
