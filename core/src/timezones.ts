import { timeZonesNames } from '@vvo/tzdb';

// Node's ICU lists canonical ids (`Asia/Calcutta`) but not current IANA names
// (`Asia/Kolkata`); Intl.DateTimeFormat accepts both. Validate with the runtime,
// suggest from tzdb's current names.

const validity = new Map<string, boolean>();

export function isValidTimeZone(name: string): boolean {
  let known = validity.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      // `Intl` is case-insensitive ("asia/kolkata" works) but the platform may not be: require the canonical case.
      known = name.length > 0 && resolvedSpelling(name) === name;
    } catch {
      known = false;
    }
    if (validity.size > 2000) validity.clear();
    validity.set(name, known);
  }
  return known;
}

/** The spelling a case-insensitive match would have among the known names, if any. */
function resolvedSpelling(name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const candidate of allTimeZoneNames()) if (candidate.toLowerCase() === lower) return candidate;
  // A valid alias neither list carries (e.g. `US/Eastern`, `Etc/GMT+5`): trust the runtime.
  return name;
}

let allNames: string[] | undefined;

/** Current IANA names first, then the runtime's canonical ids they do not already cover. */
export function allTimeZoneNames(): readonly string[] {
  if (!allNames) {
    const names = new Set<string>(timeZonesNames);
    names.add('UTC');
    for (const name of Intl.supportedValuesOf('timeZone')) names.add(name);
    allNames = [...names];
  }
  return allNames;
}

/** The zones an author picks from: tzdb's current IANA names (418) plus UTC. */
export function preferredTimeZoneNames(): readonly string[] {
  return timeZonesNames;
}
