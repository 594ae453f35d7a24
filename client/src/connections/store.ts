// Connections live in the user's global state, never in workspace settings: a cloned
// repository must not be able to point stored credentials at its own host. A workspace may
// only name the connection it prefers (koreCampaign.preferredConnection), by display name,
// and even that is asked about once per workspace before it is followed: a cloned repository
// must not switch pushes from Staging to Production unnoticed.
// Secrets live only in SecretStorage, keyed by connection id AND host, so a connection whose
// host is edited can never send the old host's secret to the new one.
import * as vscode from 'vscode';
// Direct imports, not the platform's index: these run at activation and must not pull in the push engine.
import { normaliseHost, type Connection } from '../../../platform/src/connection';
import type { Credentials } from '../../../platform/src/credentials';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/src/defaults';
import { config } from '../config';

const CONNECTIONS_KEY = 'koreCampaign.connections';
const ACTIVE_KEY = 'koreCampaign.activeConnectionId';
const SEEDED_KEY = 'koreCampaign.sandboxConnectionSeeded';
/** workspaceState: the user's answer per preferred connection name, `true` to follow it. */
const PREFERENCE_ANSWERS_KEY = 'koreCampaign.preferredConnectionAnswers';
export const SANDBOX_CONNECTION_ID = 'local-sandbox';
export const SANDBOX_CONNECTION_NAME = 'Local sandbox';

export function sandboxConnection(): Connection {
  return {
    id: SANDBOX_CONNECTION_ID,
    name: SANDBOX_CONNECTION_NAME,
    host: `http://127.0.0.1:${config.sandboxPort}`,
    iid: SANDBOX_CREDENTIALS.iid,
    accountId: SANDBOX_CREDENTIALS.accountId,
  };
}

export const SANDBOX_CLIENT_CREDENTIALS: Credentials = {
  kind: 'client',
  clientId: SANDBOX_CREDENTIALS.clientId,
  clientSecret: SANDBOX_CREDENTIALS.clientSecret,
};

export class ConnectionStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** A fresh install gets the Local sandbox connection once; removing it is respected. */
  async seedSandbox(): Promise<void> {
    if (this.context.globalState.get<boolean>(SEEDED_KEY)) return;
    const connection = sandboxConnection();
    if (!this.list().some((c) => c.id === connection.id)) {
      await this.save([...this.list(), connection]);
      await this.setCredentials(connection, SANDBOX_CLIENT_CREDENTIALS);
    }
    await this.context.globalState.update(SEEDED_KEY, true);
  }

  list(): Connection[] {
    const stored = this.context.globalState.get<unknown>(CONNECTIONS_KEY);
    if (!Array.isArray(stored)) return [];
    return stored
      .filter(
        (c): c is Connection =>
          !!c &&
          typeof c === 'object' &&
          ['id', 'name', 'host', 'iid', 'accountId'].every((k) => typeof (c as Record<string, unknown>)[k] === 'string'),
      )
      .map((c) => (isLocalSandbox(c) ? { ...c, host: sandboxConnection().host } : c));
  }

  get(id: string): Connection | undefined {
    return this.list().find((c) => c.id === id);
  }

  byName(name: string): Connection | undefined {
    return this.list().find((c) => c.name === name);
  }

  newId(): string {
    // The Web Crypto API: the same in Node and in the browser.
    return crypto.randomUUID();
  }

  async upsert(connection: Connection): Promise<void> {
    const list = this.list();
    const index = list.findIndex((c) => c.id === connection.id);
    if (index === -1) list.push(connection);
    else list[index] = connection;
    await this.save(list);
  }

  async remove(connection: Connection): Promise<void> {
    await this.deleteCredentials(connection);
    await this.save(this.list().filter((c) => c.id !== connection.id));
    if (this.context.globalState.get(ACTIVE_KEY) === connection.id) await this.context.globalState.update(ACTIVE_KEY, undefined);
    if (this.context.workspaceState.get(ACTIVE_KEY) === connection.id) await this.context.workspaceState.update(ACTIVE_KEY, undefined);
    this.changed.fire();
  }

  /**
   * The connection a push uses: this workspace's explicit choice, else the user's last choice,
   * else the only one there is. The workspace's preferred connection counts only once the user
   * has agreed to it (`confirmPreference`), which makes it this workspace's explicit choice.
   */
  active(_resource?: vscode.Uri): Connection | undefined {
    const explicit = this.context.workspaceState.get<string>(ACTIVE_KEY);
    const fromWorkspace = explicit ? this.get(explicit) : undefined;
    if (fromWorkspace) return fromWorkspace;
    const last = this.context.globalState.get<string>(ACTIVE_KEY);
    const fromUser = last ? this.get(last) : undefined;
    if (fromUser) return fromUser;
    const all = this.list();
    return all.length === 1 ? all[0] : undefined;
  }

  /** The workspace's preferred connection name when no connection has it. */
  missingPreference(resource?: vscode.Uri): string | undefined {
    const preferred = config.preferredConnection(resource);
    return preferred && !this.byName(preferred) ? preferred : undefined;
  }

  /**
   * Before a push: when the workspace's settings name an existing connection other than the
   * one in use, and this workspace has not been asked about that name, ask once whether to
   * follow it. Following makes it this workspace's choice; either answer is remembered.
   */
  async confirmPreference(resource?: vscode.Uri): Promise<void> {
    const name = config.preferredConnection(resource);
    const preferred = name ? this.byName(name) : undefined;
    const answers = this.context.workspaceState.get<Record<string, boolean>>(PREFERENCE_ANSWERS_KEY) ?? {};
    if (!name || !preferred || name in answers) return;
    const current = this.active(resource);
    if (current?.id === preferred.id) return;
    const follow = `Use ${preferred.name}`;
    const keep = current ? `Keep ${current.name}` : 'Choose Another';
    const choice = await vscode.window.showWarningMessage(
      `This workspace's settings (koreCampaign.preferredConnection) ask to push to "${preferred.name}" (${preferred.host})${current ? `, not "${current.name}", your current connection` : ''}. Follow the workspace setting?`,
      { modal: true, detail: 'Asked once per workspace: a cloned repository cannot switch where your pushes go without you knowing.' },
      follow,
      keep,
    );
    if (choice === undefined) return; // dismissed: ask again next time
    await this.context.workspaceState.update(PREFERENCE_ANSWERS_KEY, { ...answers, [name]: choice === follow });
    if (choice === follow) await this.setActive(preferred);
  }

  async setActive(connection: Connection): Promise<void> {
    await this.context.workspaceState.update(ACTIVE_KEY, connection.id);
    await this.context.globalState.update(ACTIVE_KEY, connection.id);
    this.changed.fire();
  }

  async getCredentials(connection: Connection): Promise<Credentials | undefined> {
    const raw = await this.context.secrets.get(secretKey(connection));
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Credentials;
      if (parsed.kind === 'client' && typeof parsed.clientId === 'string' && typeof parsed.clientSecret === 'string') return parsed;
      if (parsed.kind === 'jwt' && typeof parsed.token === 'string') return parsed;
    } catch {
      // A damaged entry is treated as missing: the user is asked again.
    }
    return undefined;
  }

  async setCredentials(connection: Connection, credentials: Credentials): Promise<void> {
    await this.context.secrets.store(secretKey(connection), JSON.stringify(credentials));
    this.changed.fire();
  }

  async deleteCredentials(connection: Connection): Promise<void> {
    await this.context.secrets.delete(secretKey(connection));
    this.changed.fire();
  }

  private async save(list: Connection[]): Promise<void> {
    await this.context.globalState.update(CONNECTIONS_KEY, list);
    this.changed.fire();
  }
}

/**
 * The seeded sandbox connection follows the `koreCampaign.connections.sandboxPort` setting:
 * its port is read at use, not frozen at first activation. Only while it stays on loopback.
 */
function isLocalSandbox(connection: Pick<Connection, 'id' | 'host'>): boolean {
  return connection.id === SANDBOX_CONNECTION_ID && /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/i.test(connection.host.trim());
}

/** `koreCampaign.credentials/<id>@<origin>`: the host is part of the key on purpose (see top). */
export function secretKey(connection: Pick<Connection, 'id' | 'host'>): string {
  // The sandbox's (public) credentials stay with it whichever loopback port it is moved to.
  if (isLocalSandbox(connection)) return `koreCampaign.credentials/${connection.id}@http://127.0.0.1`;
  let origin: string;
  try {
    origin = normaliseHost(connection.host).origin;
  } catch {
    origin = connection.host.trim().toLowerCase();
  }
  return `koreCampaign.credentials/${connection.id}@${origin}`;
}
