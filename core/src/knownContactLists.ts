// The platform's contact lists as the validator, completion and hover read them. Built once
// when the list arrives (not per keystroke): a name lookup is then one Map read, and the
// did-you-mean for a name that is not there is computed once per name and kept.
import { closestMatch } from './suggest';

/** One list, as the platform describes it (only what the editor shows). */
export interface ContactListFacts {
  name: string;
  /** Contacts in the list; undefined when the platform did not say. */
  totalRecordCount?: number;
  status?: string;
  /** Ids of the campaigns that use it. */
  campaignInUse?: readonly string[];
}

export class KnownContactLists {
  private readonly byName = new Map<string, ContactListFacts>();
  private readonly suggestions = new Map<string, string | undefined>();
  /** Suggestions kept at most this many (one per distinct misspelling typed). */
  private static readonly SUGGESTION_CACHE = 500;

  constructor(
    lists: Iterable<ContactListFacts>,
    /** Whose lists these are, for messages: the connection's name. */
    readonly source: string,
  ) {
    for (const list of lists) if (typeof list.name === 'string' && list.name && !this.byName.has(list.name)) this.byName.set(list.name, list);
  }

  get size(): number {
    return this.byName.size;
  }

  get(name: string): ContactListFacts | undefined {
    return this.byName.get(name);
  }

  all(): IterableIterator<ContactListFacts> {
    return this.byName.values();
  }

  /** The known name closest to `name`, if one is close enough to be what was meant. */
  closest(name: string): string | undefined {
    if (this.suggestions.has(name)) return this.suggestions.get(name);
    const found = closestMatch(name, this.byName.keys());
    if (this.suggestions.size >= KnownContactLists.SUGGESTION_CACHE) this.suggestions.clear();
    this.suggestions.set(name, found);
    return found;
  }
}

/** `1,250 contacts`, `no contacts`, `1 contact`. */
export function contactCount(count: number | undefined): string {
  if (count === undefined) return 'contact count unknown';
  if (count === 0) return 'no contacts';
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'contact' : 'contacts'}`;
}
