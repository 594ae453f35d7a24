// Guided input for connections and credentials. Every box validates as the user types, with
// the same checks the push applies, so a saved connection is one the push will accept.
import * as vscode from 'vscode';
// Direct imports, not the platform's index: these run at activation and must not pull in the push engine.
import { normaliseHost, type Connection } from '../../../platform/src/connection';
import type { Credentials } from '../../../platform/src/credentials';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/src/defaults';
import { askCredentials, askNewConnection, hostProblem } from './connectionFlow';
import { accountIdProblem, iidProblem } from './idShapes';
import { SANDBOX_CLIENT_CREDENTIALS, SANDBOX_CONNECTION_ID, sandboxConnection, type ConnectionStore } from './store';

/** A single-field edit (Edit Connection): one input box, validated as the user types. */
async function ask(options: vscode.InputBoxOptions): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  return value?.trim();
}

export async function promptHost(initial: string): Promise<string | undefined> {
  return ask({
    title: 'Kore.ai connection: host',
    prompt: 'The platform host, e.g. platform.kore.ai or https://bots.example.com (https only; http only to 127.0.0.1/localhost).',
    value: initial,
    validateInput: (value) => hostProblem(value),
  });
}

/** Add a connection step by step (one multi-step input); undefined when the user backs out (nothing is saved). */
export async function addConnection(store: ConnectionStore): Promise<Connection | undefined> {
  const answer = await askNewConnection({
    nameProblem: (value) => nameProblem(store, value),
    defaultName: (host) =>
      uniqueName(
        store,
        hostProblem(host) ? 'Kore.ai' : normaliseHost(host).hostname === 'platform.kore.ai' ? 'Kore.ai' : normaliseHost(host).hostname,
      ),
    newId: () => store.newId(),
  });
  if (!answer) return undefined;
  if (answer === 'sandbox') {
    const existing = store.get(SANDBOX_CONNECTION_ID);
    const connection = existing ?? sandboxConnection();
    await store.upsert(connection);
    await store.setCredentials(connection, SANDBOX_CLIENT_CREDENTIALS);
    return connection;
  }
  await store.upsert(answer.connection);
  await store.setCredentials(answer.connection, answer.credentials);
  return answer.connection;
}

function uniqueName(store: ConnectionStore, base: string): string {
  let name = base;
  for (let n = 2; store.byName(name); n++) name = `${base} ${n}`;
  return name;
}

function nameProblem(store: ConnectionStore, value: string, except?: Connection): string | undefined {
  const name = value.trim();
  if (!name) return 'The name is empty.';
  const clash = store.byName(name);
  if (clash && clash.id !== except?.id) return `There is already a connection named "${name}".`;
  return undefined;
}

/** Ask for a Client ID + Client Secret (preferred) or a ready JWT. Nothing is stored here. */
export async function promptCredentials(connection: Connection): Promise<Credentials | undefined> {
  if (connection.id === SANDBOX_CONNECTION_ID && connection.iid === SANDBOX_CREDENTIALS.iid) return SANDBOX_CLIENT_CREDENTIALS;
  return askCredentials(connection);
}

/** Edit one field of a connection. A new host drops the old host's secrets and asks again. */
export async function editConnection(store: ConnectionStore, connection: Connection): Promise<Connection | undefined> {
  const field = await vscode.window.showQuickPick(
    [
      { label: 'Name', description: connection.name, field: 'name' as const },
      { label: 'Host', description: connection.host, field: 'host' as const },
      { label: 'Application id (IID)', description: connection.iid, field: 'iid' as const },
      { label: 'Account id', description: connection.accountId, field: 'accountId' as const },
      { label: 'Credentials', description: 'replace the stored Client ID/Secret or JWT', field: 'credentials' as const },
    ],
    { title: `Edit ${connection.name}`, ignoreFocusOut: true },
  );
  if (!field) return undefined;
  if (field.field === 'credentials') {
    const credentials = await promptCredentials(connection);
    if (!credentials) return undefined;
    await store.setCredentials(connection, credentials);
    return connection;
  }
  let updated: Connection;
  if (field.field === 'name') {
    const name = await ask({
      title: `Edit ${connection.name}: name`,
      value: connection.name,
      validateInput: (v) => nameProblem(store, v, connection),
    });
    if (!name) return undefined;
    updated = { ...connection, name };
  } else if (field.field === 'host') {
    const host = await promptHost(connection.host);
    if (!host) return undefined;
    updated = { ...connection, host };
  } else if (field.field === 'iid') {
    const iid = await ask({ title: `Edit ${connection.name}: IID`, value: connection.iid, validateInput: iidProblem });
    if (!iid) return undefined;
    updated = { ...connection, iid };
  } else {
    const accountId = await ask({
      title: `Edit ${connection.name}: account id`,
      value: connection.accountId,
      validateInput: accountIdProblem,
    });
    if (!accountId) return undefined;
    updated = { ...connection, accountId };
  }
  const hostChanged = normaliseHost(updated.host).origin !== normaliseHost(connection.host).origin;
  if (hostChanged) {
    // The secret was given for the old host; it must never follow the connection elsewhere.
    const oldCredentials = await store.getCredentials(connection);
    const isSandboxSecret = oldCredentials?.kind === 'client' && oldCredentials.clientSecret === SANDBOX_CREDENTIALS.clientSecret;
    await store.deleteCredentials(connection);
    const credentials =
      isSandboxSecret && normaliseHost(updated.host).loopback ? SANDBOX_CLIENT_CREDENTIALS : await promptCredentials(updated);
    await store.upsert(updated);
    if (credentials) await store.setCredentials(updated, credentials);
    else
      void vscode.window.showWarningMessage(
        `${updated.name} now points at ${updated.host}; its old credentials were removed. Add credentials before pushing.`,
      );
    return updated;
  }
  await store.upsert(updated);
  return updated;
}
