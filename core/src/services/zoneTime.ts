// Wall clocks and instants in IANA zones, with `Intl` only: a local time on a date to the
// instant it names (through daylight-saving gaps and folds), an instant to a zone's date and
// minute, and the offset changes of a zone over a span. Calendar dates are days since
// 1970-01-01 (a plain number), so date arithmetic never touches a zone.
import { zoneClock } from './zoneInfo';

const MINUTE = 60_000;
export const DAY_MS = 86_400_000;

/** A zone's calendar date and minute of the day. */
export interface WallTime {
  /** Days since 1970-01-01. */
  date: number;
  /** 0..1439. */
  minutes: number;
  offset: number;
}

/** Minutes east of UTC in `zone` at `instant` (ms); 0 for a zone the runtime does not know. */
export function offsetAt(zone: string, instant: number): number {
  return zoneClock(zone, new Date(instant))?.offsetMinutes ?? 0;
}

type Offsets = (instant: number) => number;

export function wallTime(zone: string, instant: number, offsets: Offsets = (t) => offsetAt(zone, t)): WallTime {
  const offset = offsets(instant);
  const local = instant + offset * MINUTE;
  const date = Math.floor(local / DAY_MS);
  return { date, minutes: Math.round((local - date * DAY_MS) / MINUTE), offset };
}

/**
 * The instant `minutes` after midnight on `date` in `zone` names. A time a spring-forward gap
 * skips is read with the offset before the gap (2:30 AM becomes 3:30 AM); a time a fall-back
 * fold repeats is its first occurrence. (Temporal's "compatible" disambiguation, as most
 * schedulers and calendars do it.)
 */
export function instantOf(zone: string, date: number, minutes: number, offsets: Offsets = (t) => offsetAt(zone, t)): number {
  const local = date * DAY_MS + minutes * MINUTE;
  // The offsets half a day either side: a zone changes its offset at most once in that span.
  const before = offsets(local - DAY_MS / 2);
  const after = offsets(local + DAY_MS / 2);
  const fits = (offset: number) => offsets(local - offset * MINUTE) === offset;
  const readings = [before, after].filter(fits).map((offset) => local - offset * MINUTE);
  return readings.length ? Math.min(...readings) : local - before * MINUTE;
}

export interface OffsetChange {
  /** The first instant (ms) with the new offset. */
  at: number;
  from: number;
  to: number;
}

/** The zone's offset changes in [from, to) (ms), found `step` by `step` (a day), then to the minute. */
export function offsetChanges(zone: string, from: number, to: number, step = DAY_MS): OffsetChange[] {
  const out: OffsetChange[] = [];
  let previous = offsetAt(zone, from);
  for (let t = from; t < to;) {
    const next = Math.min(t + step, to);
    const offset = offsetAt(zone, next);
    if (offset !== previous) {
      let low = t;
      let high = next;
      while (high - low > MINUTE) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
        if (offsetAt(zone, middle) === previous) low = middle;
        else high = middle;
      }
      out.push({ at: high, from: previous, to: offset });
      previous = offset;
    }
    t = next;
  }
  return out;
}

/**
 * A zone's offsets over a span, read once: its changes there found by sampling every six hours,
 * then every instant of the span looked up in them. A week's grid asks for the offset of a few
 * hundred instants; each `Intl` reading costs far more than the lookup.
 */
export class ZoneOffsets {
  private readonly first: number;
  private readonly changes: OffsetChange[];
  constructor(
    readonly zone: string,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.first = offsetAt(zone, from);
    this.changes = offsetChanges(zone, from, to, DAY_MS / 4);
  }
  /** The offset at `instant` (outside the span: read from the zone). */
  readonly at = (instant: number): number => {
    if (instant < this.from || instant >= this.to) return offsetAt(this.zone, instant);
    let offset = this.first;
    for (const change of this.changes) {
      if (instant < change.at) break;
      offset = change.to;
    }
    return offset;
  };
}

const canonical = new Map<string, string>();

/** The runtime's canonical id (`Asia/Kolkata` -> `Asia/Calcutta`, `Etc/UTC` -> `UTC`), to tell whether two names are one zone. */
export function canonicalZone(zone: string): string {
  let id = canonical.get(zone);
  if (id === undefined) {
    try {
      id = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      id = zone;
    }
    // Names come from files and settings: the cache stays small whatever they hold.
    if (canonical.size > 1000) canonical.clear();
    canonical.set(zone, id);
  }
  return id;
}

export function sameZone(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && (a === b || canonicalZone(a) === canonicalZone(b));
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 0 = Monday .. 6 = Sunday, the order of the API's days. */
export function mondayIndex(date: number): number {
  return (((new Date(date * DAY_MS).getUTCDay() + 6) % 7) + 7) % 7;
}

/** `2025-03-09`. */
export function isoDate(date: number): string {
  return new Date(date * DAY_MS).toISOString().slice(0, 10);
}

/** `Sun 9 Mar`, and with `year`, `Sun 9 Mar 2025`: the same in every locale, so tests and terminals agree. */
export function dateLabel(date: number, year = false): string {
  const d = new Date(date * DAY_MS);
  const text = `${WEEKDAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]}`;
  return year ? `${text} ${d.getUTCFullYear()}` : text;
}

/** `1 hour`, `30 minutes`, `1 hour 30 minutes`. */
export function durationText(minutes: number): string {
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  const parts = [hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '', rest ? `${rest} minute${rest === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ') || '0 minutes';
}
