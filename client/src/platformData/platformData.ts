// What the editor knows of the active connection's platform: its contact lists, or why they
// are not known. Fetched only in a trusted workspace (restricted mode sends no request at
// all), kept per connection (contactListCache.ts), handed to the language server, which
// checks names only while they are known: never a false "unknown list" while signed out.
import * as vscode from 'vscode';
import { PLATFORM_DATA_NOTIFICATION, type PlatformDataParams, type UnknownReason } from '../../../core/src/platformProtocol';
import type { Connection } from '../../../platform/src/connection';
import type { ContactListsResult } from '../../../platform/src/contactLists';
import type { Credentials } from '../../../platform/src/credentials';
import { config } from '../config';
import type { ConnectionStore } from '../connections/store';
import { ContactListCache, type CachedLists } from './contactListCache';

/** What the status item shows: the params sent to the server, with how they came about. */
export type PlatformState = PlatformDataParams & {
  /** Lists from global state because the platform could not be reached. */
  offlineCopy?: boolean;
  /** Whose state this is (the protocol names the connection for messages only). */
  connectionId?: string;
  fetching?: boolean;
};

/** Sends a notification to the language server once it runs (or never, if it has not started). */
export type NotifyServer = (method: string, params: PlatformDataParams) => void;

/** The request (remote/calls.ts readContactLists), from the push engine the host loads. */
export type FetchLists = (
  connection: Connection,
  credentials: Credentials,
  log: vscode.LogOutputChannel,
  signal: AbortSignal,
) => Promise<ContactListsResult>;

const REASON_WORDS: Record<UnknownReason, string> = {
  'no-connection': 'no Kore.ai connection is selected',
  'signed-out': 'signed out',
  offline: 'the platform cannot be reached and no lists were fetched before',
  restricted: 'Restricted Mode (untrusted workspace): no request is made',
  'fetch-failed': 'the request failed',
  fetching: 'the lists are being fetched',
};

export function reasonWords(state: Extract<PlatformDataParams, { state: 'unknown' }>): string {
  const base = state.reason === 'signed-out' && state.connection ? `signed out of ${state.connection}` : REASON_WORDS[state.reason];
  return state.detail ? `${base}: ${state.detail}` : base;
}

export class PlatformData implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlatformState>();
  readonly onDidChange = this.changed.event;
  private current: PlatformState = { state: 'unknown', reason: 'no-connection' };
  private readonly cache: ContactListCache;
  /** Each refresh takes a number; an answer that arrives after a newer refresh started is dropped. */
  private generation = 0;
  private inFlight: AbortController | undefined;
  private notify: NotifyServer | undefined;

  constructor(
    globalState: vscode.Memento,
    private readonly store: ConnectionStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly fetchLists: FetchLists,
  ) {
    this.cache = new ContactListCache(globalState);
  }

  get state(): PlatformState {
    return this.current;
  }

  /** The language client, once it exists: it gets the current state at once and every change after. */
  attach(notify: NotifyServer): void {
    this.notify = notify;
    this.send();
  }

  /**
   * Bring the state up to date for the active connection. `force` asks the platform even
   * when the cached lists are fresh (the Refresh Platform Data command).
   */
  async refresh(force = false): Promise<PlatformState> {
    const generation = ++this.generation;
    this.inFlight?.abort();
    this.inFlight = undefined;
    const connection = this.store.active(vscode.window.activeTextEditor?.document.uri);
    // Restricted mode first: nothing is read from secret storage and nothing is sent.
    if (!vscode.workspace.isTrusted) return this.set({ state: 'unknown', connection: connection?.name, reason: 'restricted' });
    if (!connection) return this.set({ state: 'unknown', reason: 'no-connection' });
    // Signed out wins over the cache: lists kept from before are not used without credentials.
    const credentials = await this.store.getCredentials(connection);
    if (generation !== this.generation) return this.current;
    if (!credentials) return this.set({ state: 'unknown', connection: connection.name, reason: 'signed-out' });
    const cached = this.cache.get(connection);
    if (!force && cached && ContactListCache.fresh(cached.fetchedAt, config.cacheMinutes)) {
      return this.set({
        state: 'known',
        connection: connection.name,
        connectionId: connection.id,
        contactLists: cached.lists,
        fetchedAt: cached.fetchedAt,
      });
    }

    // The same connection's lists serve while new ones come; another connection's never do.
    const sameConnection = this.current.state === 'known' && this.current.connectionId === connection.id;
    if (sameConnection) this.set({ ...this.current, fetching: true }, false);
    else this.set({ state: 'unknown', connection: connection.name, connectionId: connection.id, reason: 'fetching', fetching: true });
    const abort = (this.inFlight = new AbortController());
    let result: ContactListsResult;
    try {
      result = await this.fetchLists(connection, credentials, this.log, abort.signal);
    } catch (error) {
      // A bug or a bundle that will not load: say so rather than stay "fetching" for ever.
      result = { kind: 'failed', outcome: 'http-error', reason: (error as Error)?.message ?? String(error) };
    }
    if (generation !== this.generation) return this.current;
    this.inFlight = undefined;
    if (result.kind === 'success') {
      const fetchedAt = Date.now();
      const lists = result.lists.map(({ name, totalRecordCount, status, campaignInUse }) => ({
        name,
        totalRecordCount,
        status,
        campaignInUse,
      }));
      await this.cache.put(connection, lists, fetchedAt);
      return this.set({ state: 'known', connection: connection.name, connectionId: connection.id, contactLists: lists, fetchedAt });
    }
    return this.set(this.afterFailure(connection, result.outcome, result.reason, cached));
  }

  dispose(): void {
    this.inFlight?.abort();
    this.changed.dispose();
  }

  private afterFailure(connection: Connection, outcome: string, reason: string, cached: CachedLists | undefined): PlatformState {
    const unreachable = outcome === 'network-error' || outcome === 'timeout' || outcome === 'unavailable';
    if (unreachable && cached) {
      // Offline: the last lists fetched stand in (the status item says how old they are).
      return {
        state: 'known',
        connection: connection.name,
        connectionId: connection.id,
        contactLists: cached.lists,
        fetchedAt: cached.fetchedAt,
        offlineCopy: true,
      };
    }
    if (outcome === 'cancelled') return { ...this.current, fetching: false };
    return { state: 'unknown', connection: connection.name, reason: unreachable ? 'offline' : 'fetch-failed', detail: reason };
  }

  private set(next: PlatformState, send = true): PlatformState {
    this.current = next;
    if (send) this.send();
    this.changed.fire(next);
    return next;
  }

  private send(): void {
    if (!this.notify) return;
    const { offlineCopy: _offline, fetching: _fetching, connectionId: _id, ...params } = this.current;
    this.notify(PLATFORM_DATA_NOTIFICATION, params as PlatformDataParams);
  }
}
