// The platform's contact lists as the validator, completion and hover read them. Built once
// when the list arrives (not per keystroke): a name lookup is then one Map read, and the
// did-you-mean for a name that is not there is computed once per name and kept.
import { editDistance, matchLimit, normaliseWord } from './suggest';

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
  /**
   * The names as did-you-mean compares them (suggest.ts closestMatch), grouped by length: a
   * misspelling is only looked for among names of about its length, and no name is
   * normalised again per keystroke (docs/performance.md, contact lists).
   */
  private readonly byLength = new Map<number, { normalised: string; name: string }[]>();
  /** Suggestions kept at most this many (one per distinct misspelling typed). */
  private static readonly SUGGESTION_CACHE = 500;

  constructor(
    lists: Iterable<ContactListFacts>,
    /** Whose lists these are, for messages: the connection's name. */
    readonly source: string,
  ) {
    for (const list of lists) {
      if (typeof list.name !== 'string' || !list.name || this.byName.has(list.name)) continue;
      this.byName.set(list.name, list);
      const normalised = normaliseWord(list.name);
      const group = this.byLength.get(normalised.length);
      if (group) group.push({ normalised, name: list.name });
      else this.byLength.set(normalised.length, [{ normalised, name: list.name }]);
    }
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
    const found = this.search(name);
    if (this.suggestions.size >= KnownContactLists.SUGGESTION_CACHE) this.suggestions.clear();
    this.suggestions.set(name, found);
    return found;
  }

  /** As closestMatch over the names, visiting only names within the edit limit of the length. */
  private search(name: string): string | undefined {
    const target = normaliseWord(name);
    if (!target) return undefined;
    const limit = matchLimit(target.length);
    let best: string | undefined;
    let bestDistance = limit + 1;
    // Nearest lengths first, so an exact or one-edit match ends the search early.
    for (let offset = 0; offset <= limit && offset < bestDistance; offset++) {
      for (const length of offset === 0 ? [target.length] : [target.length - offset, target.length + offset]) {
        for (const candidate of this.byLength.get(length) ?? []) {
          const distance = editDistance(target, candidate.normalised, bestDistance - 1);
          if (distance < bestDistance) {
            best = candidate.name;
            bestDistance = distance;
            if (distance === 0) return best;
          }
        }
      }
    }
    return best;
  }
}

/** `1,250 contacts`, `no contacts`, `1 contact`. */
export function contactCount(count: number | undefined): string {
  if (count === undefined) return 'contact count unknown';
  if (count === 0) return 'no contacts';
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'contact' : 'contacts'}`;
}
