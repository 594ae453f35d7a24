// The contact lists of each connection, kept in the user's global state: used without a
// request while younger than koreCampaign.platform.cacheMinutes, and as the last known lists
// when the platform cannot be reached. Keyed by connection id and host, so a connection whose
// host is edited never shows the old host's lists.
import type * as vscode from 'vscode';
import type { Connection } from '../../../platform/src/connection';
import type { PlatformContactList } from '../../../core/src/platformProtocol';

const KEY_PREFIX = 'koreCampaign.platformData.contactLists/';

export interface CachedLists {
  lists: PlatformContactList[];
  /** ms since the epoch. */
  fetchedAt: number;
}

export class ContactListCache {
  constructor(private readonly state: vscode.Memento) {}

  get(connection: Pick<Connection, 'id' | 'host'>): CachedLists | undefined {
    const stored = this.state.get<unknown>(key(connection));
    if (!stored || typeof stored !== 'object') return undefined;
    const { lists, fetchedAt } = stored as Partial<CachedLists>;
    if (!Array.isArray(lists) || typeof fetchedAt !== 'number') return undefined;
    return { lists: lists.filter((l) => l && typeof l.name === 'string'), fetchedAt };
  }

  async put(connection: Pick<Connection, 'id' | 'host'>, lists: PlatformContactList[], fetchedAt = Date.now()): Promise<void> {
    await this.state.update(key(connection), { lists, fetchedAt } satisfies CachedLists);
  }

  /** Whether lists fetched at `fetchedAt` may still be used without asking the platform. */
  static fresh(fetchedAt: number, cacheMinutes: number, now = Date.now()): boolean {
    return now - fetchedAt < cacheMinutes * 60_000 && fetchedAt <= now;
  }
}

function key(connection: Pick<Connection, 'id' | 'host'>): string {
  return `${KEY_PREFIX}${connection.id}@${connection.host.trim().toLowerCase()}`;
}

/** `just now`, `3 min ago`, `2 h ago`, `5 days ago`. */
export function age(fetchedAt: number, now = Date.now()): string {
  const minutes = Math.floor((now - fetchedAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
