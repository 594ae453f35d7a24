// Guided input for connections and credentials. Every box validates as the user types, with
// the same checks the push applies, so a saved connection is one the push will accept.
import * as vscode from 'vscode';
// Direct imports, not the platform's index: these run at activation and must not pull in the push engine.
import { checkAccountId, checkCampaignId, checkIid, HostError, normaliseHost, type Connection } from '../../../platform/src/connection';
import { checkCredentials, type Credentials } from '../../../platform/src/credentials';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/src/defaults';
import { SANDBOX_CLIENT_CREDENTIALS, SANDBOX_CONNECTION_ID, sandboxConnection, type ConnectionStore } from './connections';

const TITLE = 'Kore.ai connection';

function hostProblem(value: string): string | undefined {
  try {
    normaliseHost(value);
    return undefined;
  } catch (error) {
    if (error instanceof HostError) return error.message;
    throw error;
  }
}

function iidValidation(value: string): vscode.InputBoxValidationMessage | string | undefined {
  const problem = checkIid(value.trim());
  if (problem) return problem;
  if (!value.trim().startsWith('st-')) {
    return { message: 'Application ids usually start with "st-" (App Settings > App Profile). Press Enter to keep this one.', severity: vscode.InputBoxValidationSeverity.Warning };
  }
  return undefined;
}

async function ask(options: vscode.InputBoxOptions): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  return value?.trim();
}

export async function promptHost(initial?: string): Promise<string | undefined> {
  if (initial === undefined) {
    const picks: (vscode.QuickPickItem & { host?: string; sandbox?: boolean })[] = [
      { label: 'platform.kore.ai', description: 'Kore.ai cloud', host: 'platform.kore.ai' },
      { label: 'Another https host...', description: 'a regional or on-premises platform' },
      { label: 'Local sandbox', description: 'on this machine, no account needed', sandbox: true },
    ];
    const pick = await vscode.window.showQuickPick(picks, { title: `${TITLE}: where does it push?`, ignoreFocusOut: true });
    if (!pick) return undefined;
    if (pick.sandbox) return 'sandbox';
    if (pick.host) return pick.host;
  }
  return ask({
    title: `${TITLE}: host`,
    prompt: 'The platform host, e.g. platform.kore.ai or https://bots.example.com (https only; http only to 127.0.0.1/localhost).',
    value: initial ?? '',
    validateInput: (value) => hostProblem(value),
  });
}

/** Add a connection step by step; undefined when the user backs out (nothing is saved). */
export async function addConnection(store: ConnectionStore): Promise<Connection | undefined> {
  const host = await promptHost();
  if (!host) return undefined;
  if (host === 'sandbox') {
    const existing = store.get(SANDBOX_CONNECTION_ID);
    const connection = existing ?? sandboxConnection();
    await store.upsert(connection);
    await store.setCredentials(connection, SANDBOX_CLIENT_CREDENTIALS);
    return connection;
  }
  const iid = await ask({
    title: `${TITLE}: application id (IID)`,
    prompt: 'The application (bot) id, st-..., from App Settings > App Profile.',
    placeHolder: 'st-0603182c-7ffb-53c3-b307-47ca14b9xxxx',
    validateInput: iidValidation,
  });
  if (!iid) return undefined;
  const accountId = await ask({
    title: `${TITLE}: account id`,
    prompt: 'The account id sent in the accountId header.',
    placeHolder: '67777ce93e25326494e9xxxx',
    validateInput: (value) => checkAccountId(value.trim()),
  });
  if (!accountId) return undefined;
  const defaultName = uniqueName(store, normaliseHost(host).hostname === 'platform.kore.ai' ? 'Kore.ai' : normaliseHost(host).hostname);
  const name = await ask({
    title: `${TITLE}: name`,
    prompt: 'A name for this connection, e.g. Production or Staging (a workspace can prefer it by this name).',
    value: defaultName,
    validateInput: (value) => nameProblem(store, value),
  });
  if (!name) return undefined;
  const connection: Connection = { id: store.newId(), name, host, iid, accountId };
  const credentials = await promptCredentials(connection);
  if (!credentials) return undefined;
  await store.upsert(connection);
  await store.setCredentials(connection, credentials);
  return connection;
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
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'Client ID and Client Secret', description: 'recommended: a fresh short-lived token for every push', credentialKind: 'client' as const },
      { label: 'Paste a JWT', description: 'sent as it is until it expires', credentialKind: 'jwt' as const },
    ],
    { title: `Credentials for ${connection.name}`, ignoreFocusOut: true },
  );
  if (!kind) return undefined;
  if (kind.credentialKind === 'jwt') {
    const token = await ask({
      title: `Credentials for ${connection.name}: JWT`,
      prompt: 'A JWT signed for the app (HS256, appId = Client ID). Stored in the OS keychain via VS Code SecretStorage.',
      password: true,
      validateInput: (value) => checkCredentials({ kind: 'jwt', token: value }),
    });
    return token ? { kind: 'jwt', token } : undefined;
  }
  const clientId = await ask({
    title: `Credentials for ${connection.name}: Client ID`,
    prompt: 'The Client ID of a JWT app with the Campaign Management scope (App Settings > Dev Tools, or Admin Console > API Scopes).',
    placeHolder: 'cs-...',
    validateInput: (value) => (value.trim() ? undefined : 'The Client ID is empty.'),
  });
  if (!clientId) return undefined;
  const clientSecret = await vscode.window.showInputBox({
    title: `Credentials for ${connection.name}: Client Secret`,
    prompt: 'The Client Secret of that app. Stored in the OS keychain via VS Code SecretStorage, never in settings.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value ? undefined : 'The Client Secret is empty.'),
  });
  return clientSecret ? { kind: 'client', clientId, clientSecret } : undefined;
}

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
    const name = await ask({ title: `Edit ${connection.name}: name`, value: connection.name, validateInput: (v) => nameProblem(store, v, connection) });
    if (!name) return undefined;
    updated = { ...connection, name };
  } else if (field.field === 'host') {
    const host = await promptHost(connection.host);
    if (!host) return undefined;
    updated = { ...connection, host };
  } else if (field.field === 'iid') {
    const iid = await ask({ title: `Edit ${connection.name}: IID`, value: connection.iid, validateInput: iidValidation });
    if (!iid) return undefined;
    updated = { ...connection, iid };
  } else {
    const accountId = await ask({ title: `Edit ${connection.name}: account id`, value: connection.accountId, validateInput: (v) => checkAccountId(v.trim()) });
    if (!accountId) return undefined;
    updated = { ...connection, accountId };
  }
  const hostChanged = normaliseHost(updated.host).origin !== normaliseHost(connection.host).origin;
  if (hostChanged) {
    // The secret was given for the old host; it must never follow the connection elsewhere.
    const oldCredentials = await store.getCredentials(connection);
    const isSandboxSecret = oldCredentials?.kind === 'client' && oldCredentials.clientSecret === SANDBOX_CREDENTIALS.clientSecret;
    await store.deleteCredentials(connection);
    const credentials = isSandboxSecret && normaliseHost(updated.host).loopback ? SANDBOX_CLIENT_CREDENTIALS : await promptCredentials(updated);
    await store.upsert(updated);
    if (credentials) await store.setCredentials(updated, credentials);
    else void vscode.window.showWarningMessage(`${updated.name} now points at ${updated.host}; its old credentials were removed. Add credentials before pushing.`);
    return updated;
  }
  await store.upsert(updated);
  return updated;
}

/** Ask for the campaign id when the file has none. */
export async function promptCampaignId(fileName: string): Promise<string | undefined> {
  return ask({
    title: `Campaign to update with ${fileName}`,
    prompt: 'The campaignId of the existing campaign (from the campaign URL or the list API), e.g. cd-ed19e3c7-3682-5e72-a839-af9e0711xxxx.',
    placeHolder: 'cd-...',
    validateInput: (value) => (value.trim() ? checkCampaignId(value.trim()) : 'Enter a campaign id.'),
  });
}
