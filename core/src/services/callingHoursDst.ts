// The daylight-saving changes that matter to a campaign's calling hours: its own zone's (the
// windows keep their local times, so they move on every other clock) and the viewer's (the
// windows move on the viewer's clock), within the next weeks, each with what it shifts.
import { formatApiTime } from '../time';
import type { DstChange, DstShift } from './callingHoursModel';
import { formatOffset } from './zoneInfo';
import {
  DAY_MS,
  canonicalZone,
  dateLabel,
  durationText,
  isoDate,
  mondayIndex,
  offsetAt,
  offsetChanges,
  sameZone,
  wallTime,
} from './zoneTime';

/** How far ahead changes are listed. */
export const DST_WEEKS = 12;
const MINUTE = 60_000;

export interface DstInput {
  campaignZone?: string;
  /** The other clocks the grid can be read on (the viewer's, the zone drawn, UTC). */
  otherZones: readonly string[];
  /** Changes from this instant on (the start of the week drawn), for DST_WEEKS weeks. */
  from: number;
  /** The Monday of now's week in the campaign's zone (days since 1970-01-01): each change's `week` counts from it. */
  nowMonday: number;
}

export function dstChanges({ campaignZone, otherZones, from, nowMonday }: DstInput): DstChange[] {
  const until = from + DST_WEEKS * 7 * DAY_MS;
  const others = unique(otherZones.filter((zone) => !sameZone(zone, campaignZone)));
  const weekOf = (instant: number) => {
    const date = campaignZone ? wallTime(campaignZone, instant).date : Math.floor(instant / DAY_MS);
    return Math.floor((date - mondayIndex(date) - nowMonday) / 7);
  };
  const out: DstChange[] = [];
  if (campaignZone) {
    for (const change of offsetChanges(campaignZone, from, until)) {
      const shifts = others.map((zone) => ({ zone, minutes: relativeShift(zone, campaignZone, change.at) }));
      out.push(describe(campaignZone, 'campaign', change, weekOf(change.at), shifts));
    }
  }
  for (const zone of others) {
    // UTC has no changes: no need to look for them.
    if (canonicalZone(zone) === 'UTC') continue;
    for (const change of offsetChanges(zone, from, until)) {
      // The windows follow the campaign's clock: on this one they move by its change, less the campaign zone's own at that instant.
      const shifts = campaignZone ? [{ zone, minutes: relativeShift(zone, campaignZone, change.at) }] : [];
      out.push(describe(zone, 'viewer', change, weekOf(change.at), shifts));
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.zone.localeCompare(b.zone));
}

/** How far a fixed local time of `moving` moves on `clock` across the instant `at` (positive: later). */
function relativeShift(clock: string, moving: string, at: number): number {
  const gap = (t: number) => offsetAt(clock, t) - offsetAt(moving, t);
  return gap(at) - gap(at - MINUTE);
}

function describe(
  zone: string,
  role: DstChange['role'],
  change: { at: number; from: number; to: number },
  week: number,
  shifts: DstShift[],
): DstChange {
  // The last minute before the change, read on the old offset: the switch is at its end.
  const before = wallTime(zone, change.at - MINUTE);
  const date = before.minutes + 1 === 1440 ? before.date + 1 : before.date;
  const switchAt = formatApiTime((before.minutes + 1) % 1440);
  const after = formatApiTime(wallTime(zone, change.at).minutes);
  const delta = change.to - change.from;
  const direction = delta > 0 ? 'forward' : 'back';
  const offsets = `${formatOffset(change.from)} to ${formatOffset(change.to)}`;
  const head = `${dateLabel(date, true)}: at ${switchAt} ${zone} clocks go ${direction} ${durationText(delta)} to ${after} (${offsets})`;
  return {
    zone,
    role,
    at: new Date(change.at).toISOString(),
    date: isoDate(date),
    week,
    fromOffset: change.from,
    toOffset: change.to,
    shifts: shifts.filter((s) => s.minutes !== 0),
    text: `${head}. ${consequence(role, zone, shifts)}`,
  };
}

function consequence(role: DstChange['role'], zone: string, shifts: DstShift[]): string {
  if (role === 'campaign') {
    const moved = shifts.filter((s) => s.minutes !== 0);
    const still = shifts.filter((s) => s.minutes === 0).map((s) => s.zone);
    const parts = groupByMinutes(moved).map(([minutes, zones]) => `${durationText(minutes)} ${earlierOrLater(minutes)} in ${list(zones)}`);
    const stay = still.length ? `; ${list(still)} changes at the same moment, so nothing moves there` : '';
    return parts.length
      ? `The windows keep their ${zone} times, so they come ${parts.join(' and ')}${stay}.`
      : `The windows keep their ${zone} times${stay}.`;
  }
  const [shift] = shifts;
  if (!shift) return `The campaign's zone is unknown, so how its windows move on the ${zone} clock cannot be told.`;
  return shift.minutes === 0
    ? `The campaign's zone changes at the same moment: its windows stay where they are on the ${zone} clock.`
    : `The campaign's windows come ${durationText(shift.minutes)} ${earlierOrLater(shift.minutes)} on the ${zone} clock from then.`;
}

function earlierOrLater(minutes: number): string {
  return minutes < 0 ? 'earlier' : 'later';
}

function groupByMinutes(shifts: DstShift[]): [number, string[]][] {
  const groups = new Map<number, string[]>();
  for (const s of shifts) groups.set(s.minutes, [...(groups.get(s.minutes) ?? []), s.zone]);
  return [...groups];
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function unique(zones: string[]): string[] {
  const out: string[] = [];
  for (const zone of zones) if (!out.some((z) => sameZone(z, zone))) out.push(zone);
  return out;
}
