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

export function wallTime(zone: string, instant: number): WallTime {
  const offset = offsetAt(zone, instant);
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
export function instantOf(zone: string, date: number, minutes: number): number {
  const local = date * DAY_MS + minutes * MINUTE;
  // The offsets half a day either side: a zone changes its offset at most once in that span.
  const before = offsetAt(zone, local - DAY_MS / 2);
  const after = offsetAt(zone, local + DAY_MS / 2);
  const fits = (offset: number) => offsetAt(zone, local - offset * MINUTE) === offset;
  const readings = [before, after].filter(fits).map((offset) => local - offset * MINUTE);
  return readings.length ? Math.min(...readings) : local - before * MINUTE;
}

export interface OffsetChange {
  /** The first instant (ms) with the new offset. */
  at: number;
  from: number;
  to: number;
}

/** The zone's offset changes in [from, to) (ms), found day by day, then to the minute. */
export function offsetChanges(zone: string, from: number, to: number): OffsetChange[] {
  const out: OffsetChange[] = [];
  let previous = offsetAt(zone, from);
  for (let t = from; t < to;) {
    const next = Math.min(t + DAY_MS, to);
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

/** The runtime's canonical id (`Asia/Kolkata` -> `Asia/Calcutta`, `Etc/UTC` -> `UTC`), to tell whether two names are one zone. */
export function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
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
