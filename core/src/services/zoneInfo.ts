// What an author wants to know about a time zone while writing calling hours: its offset
// from UTC now, the time there now, and where a local calling window falls in UTC.
// Formatters are cached per zone: building one costs far more than using it, and the
// completion list asks for every zone at once.
import { getTimeZones } from '@vvo/tzdb';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | undefined {
  let cached = formatters.get(zone);
  if (cached === undefined) {
    try {
      cached = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        weekday: 'short',
        timeZoneName: 'longOffset',
      });
    } catch {
      cached = null;
    }
    formatters.set(zone, cached);
  }
  return cached ?? undefined;
}

export interface ZoneClock {
  /** Minutes east of UTC at that instant (Asia/Kolkata: 330). */
  offsetMinutes: number;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday, as Date#getUTCDay. */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall clock in `zone` at `instant`, or undefined for a zone the runtime does not know. */
export function zoneClock(zone: string, instant: Date): ZoneClock | undefined {
  const format = formatter(zone);
  if (!format) return undefined;
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  const offset = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(parts.timeZoneName ?? '');
  const offsetMinutes = offset && offset[1] ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return {
    offsetMinutes,
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** `UTC+05:30`, `UTC-04:00`, `UTC+00:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const offsetCache = new Map<string, { bucket: number; offset: number | undefined }>();

/** The zone's UTC offset now; cached for 15 minutes (offsets change at most at DST switches). */
export function currentOffset(zone: string, now: Date): number | undefined {
  const bucket = Math.floor(now.getTime() / 900_000);
  const cached = offsetCache.get(zone);
  if (cached && cached.bucket === bucket) return cached.offset;
  const offset = zoneClock(zone, now)?.offsetMinutes;
  offsetCache.set(zone, { bucket, offset });
  return offset;
}

export interface ZoneFacts {
  /** The current IANA name this one is a legacy alias of (`Asia/Calcutta` -> `Asia/Kolkata`). */
  aliasOf?: string;
  countryName?: string;
  mainCities: string[];
}

let facts: Map<string, ZoneFacts> | undefined;

/** Country and main cities from tzdb, and which names are aliases, for filtering and details. */
export function zoneFacts(zone: string): ZoneFacts | undefined {
  if (!facts) {
    facts = new Map();
    for (const entry of getTimeZones({ includeUtc: true })) {
      const cities = entry.mainCities.filter(Boolean);
      facts.set(entry.name, { countryName: entry.countryName || undefined, mainCities: cities });
      for (const alias of entry.group) {
        if (alias !== entry.name && !facts.has(alias))
          facts.set(alias, { aliasOf: entry.name, countryName: entry.countryName || undefined, mainCities: cities });
      }
    }
  }
  return facts.get(zone);
}

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export interface UtcWindow {
  startMinutes: number;
  endMinutes: number;
  /** Day shift of the start and end in UTC relative to the local day: -1, 0 or 1. */
  startDayShift: number;
  endDayShift: number;
  offsetMinutes: number;
}

/**
 * Where a local window (`MO` 9:00 AM-6:00 PM in `zone`) falls in UTC, for the next such
 * weekday from `now`: the offset of that date, so a window after a DST switch is right.
 */
export function windowInUtc(zone: string, day: string, startMinutes: number, endMinutes: number, now: Date): UtcWindow | undefined {
  const target = DAY_CODES.indexOf(day);
  const today = zoneClock(zone, now);
  if (target < 0 || !today) return undefined;
  const ahead = (target - today.weekday + 7) % 7;
  const localMidnightUtc = Date.UTC(today.year, today.month - 1, today.day + ahead);
  const toUtc = (minutes: number) => {
    // Local wall time -> instant: subtract the offset, then correct once with the offset at that instant.
    let guess = localMidnightUtc + minutes * 60_000 - today.offsetMinutes * 60_000;
    const offset = zoneClock(zone, new Date(guess))?.offsetMinutes ?? today.offsetMinutes;
    guess = localMidnightUtc + minutes * 60_000 - offset * 60_000;
    return { instant: guess, offset };
  };
  const start = toUtc(startMinutes);
  const end = toUtc(endMinutes);
  const dayOf = (instant: number) => Math.floor((instant - localMidnightUtc) / 86_400_000);
  const minutesOf = (instant: number) => ((((instant - localMidnightUtc) % 86_400_000) + 86_400_000) % 86_400_000) / 60_000;
  return {
    startMinutes: minutesOf(start.instant),
    endMinutes: minutesOf(end.instant),
    startDayShift: dayOf(start.instant),
    endDayShift: dayOf(end.instant),
    offsetMinutes: start.offset,
  };
}

/** `MO` shifted by -1 -> `SU`. */
export function shiftDay(day: string, shift: number): string {
  const index = DAY_CODES.indexOf(day);
  return index < 0 ? day : DAY_CODES[(index + shift + 7) % 7];
}

export function formatClock24(minutes: number): string {
  return `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(Math.round(minutes % 60)).padStart(2, '0')}`;
}
