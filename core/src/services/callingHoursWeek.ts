// The calling-hours week of a campaign file, drawn on any zone's clock: the preview in the editor
// and `kore-campaign hours` both draw this. Its windows are the campaign's, in its `timezone`,
// on the dates of one week; re-read on another clock a window can cross midnight (two blocks).
// Overlaps are the window-overlap rule's findings (../windowOverlaps.ts); the policy band is
// the curfew rule's (../policy.ts), shown only when the settings keep that group on.
import { CURFEW_EARLIEST, CURFEW_LATEST, CURFEW_TEXT } from '../policy';
import type { ParsedCampaign } from '../parse';
import { isValidTimeZone } from '../timezones';
import type { ValidationOptions } from '../validate';
import { windowOverlaps, timedCallingWindows } from '../windowOverlaps';
import { readCallingHours } from './callingHoursEntries';
import { dstChanges } from './callingHoursDst';
import { WEEK_DAYS, type CallingHoursWeek, type HoursBlock, type HoursWindow, type Span } from './callingHoursModel';
import { WeekProjection } from './callingHoursProjection';
import { DAY_MS, dateLabel, instantOf, isoDate, mondayIndex, sameZone, wallTime } from './zoneTime';

export interface CallingHoursWeekOptions {
  /** Now: the week drawn by default, and what `week` counts from. */
  now: Date;
  /** The clock to draw on (an IANA zone); the campaign's own when absent or unknown. */
  viewZone?: string;
  /** The viewer's own zone: its daylight-saving changes are listed too. */
  viewerZone?: string;
  /** Weeks from the week of `now` (-1: last week). */
  week?: number;
  /** `YYYY-MM-DD`: the week holding this date (in the campaign's zone); wins over `week`. */
  weekOf?: string;
  /** The options the diagnostics run with: the policy band and the overlap marks follow them. */
  validation?: ValidationOptions;
}

export function callingHoursWeek(parsed: ParsedCampaign, options: CallingHoursWeekOptions): CallingHoursWeek {
  const { campaign, name, zone, windows, notDrawn } = readCallingHours(parsed);
  const now = options.now.getTime();
  const today = zone ? wallTime(zone, now).date : Math.floor(now / DAY_MS);
  const nowMonday = today - mondayIndex(today);
  const asked = options.weekOf === undefined ? undefined : isoDay(options.weekOf);
  const monday = asked === undefined ? nowMonday + 7 * Math.trunc(options.week ?? 0) : asked - mondayIndex(asked);
  const usable = (z: string | undefined): z is string => typeof z === 'string' && isValidTimeZone(z);
  const viewZone = zone ? (usable(options.viewZone) ? options.viewZone : zone) : undefined;
  const projection = new WeekProjection(monday, zone, viewZone);
  const policy = policyOn(options.validation);
  if (campaign) markOverlaps(windows, campaign, options.validation);
  const blocks: HoursBlock[] = [];
  windows.forEach((window, position) => {
    const curfew = policy ? breach(window) : undefined;
    if (curfew) window.curfew = curfew;
    blocks.push(
      ...projection.blocks(position, WEEK_DAYS.indexOf(window.day), policy ? bandParts(window) : [{ ...window, outside: false }]),
    );
  });
  blocks.sort((a, b) => a.row - b.row || a.start - b.start || a.window - b.window);
  const bands = policy ? projection.band(CURFEW_EARLIEST, CURFEW_LATEST) : undefined;
  const rows = WEEK_DAYS.map((day, i) => ({ day, date: isoDate(monday + i), label: dateLabel(monday + i), band: bands?.[i] ?? [] }));
  const others = [options.viewerZone, viewZone, 'UTC'].filter(usable);
  return {
    ...(name ? { campaignName: name } : {}),
    ...(zone ? { campaignZone: zone } : {}),
    ...(viewZone ? { viewZone } : {}),
    weekStart: isoDate(monday),
    week: (monday - nowMonday) / 7,
    rows,
    windows,
    blocks,
    ...(policy ? { curfew: { start: CURFEW_EARLIEST, end: CURFEW_LATEST, text: CURFEW_TEXT } } : {}),
    dst: zone ? dstChanges({ campaignZone: zone, otherZones: others, from: instantOf(zone, monday, 0), nowMonday }) : [],
    notDrawn,
    notes: notes(zone, viewZone),
  };
}

/** The policy band is drawn when the diagnostics would report the curfew: validation on and `calling-hours-curfew` not off. */
function policyOn(validation: ValidationOptions | undefined): boolean {
  return validation?.enable !== false && validation?.severities?.['calling-hours-curfew'] !== 'off';
}

/** The findings of the window-overlap rule on both windows of each pair, unless the settings turn that code off. */
function markOverlaps(windows: HoursWindow[], campaign: Record<string, unknown>, validation: ValidationOptions | undefined): void {
  if (validation?.enable === false) return;
  const drawn = new Map(windows.map((w) => [w.index, w]));
  for (const { later, earlier, identical } of windowOverlaps(timedCallingWindows(campaign))) {
    const code = identical ? 'duplicate-window' : 'window-overlap';
    const [laterWindow, earlierWindow] = [drawn.get(later.index), drawn.get(earlier.index)];
    if (validation?.severities?.[code] === 'off' || !laterWindow || !earlierWindow) continue;
    const at = (w: HoursWindow) => (w.range ? ` at line ${w.range.start.line + 1}` : '');
    laterWindow.findings.push({
      code,
      other: earlier.index,
      role: 'later',
      message: identical ? `repeats the window${at(earlierWindow)}` : `overlaps ${earlierWindow.text}${at(earlierWindow)}`,
    });
    earlierWindow.findings.push({
      code,
      other: later.index,
      role: 'earlier',
      message: identical ? `repeated${at(laterWindow)}` : `overlapped by ${laterWindow.text}${at(laterWindow)}`,
    });
  }
}

function breach(window: HoursWindow): HoursWindow['curfew'] {
  const early = window.start < CURFEW_EARLIEST;
  const late = window.end > CURFEW_LATEST;
  return early || late ? { early, late } : undefined;
}

/** The window cut where the policy band starts and ends, each part inside or outside it. */
function bandParts({ start, end }: Span): (Span & { outside: boolean })[] {
  const cuts = [start, ...[CURFEW_EARLIEST, CURFEW_LATEST].filter((t) => t > start && t < end), end];
  return cuts.slice(1).map((to, i) => ({ start: cuts[i], end: to, outside: cuts[i] < CURFEW_EARLIEST || to > CURFEW_LATEST }));
}

function notes(zone: string | undefined, viewZone: string | undefined): string[] {
  const out = [
    `Which clock: the platform calls at these hours in ${zone ?? "the campaign's time zone"}, ` +
      'except contacts whose list carries a time zone: ' +
      `those are called at these hours of their own zone (a contact's time zone "gets preference over Calling Hours").`,
  ];
  if (zone && viewZone && !sameZone(zone, viewZone))
    out.push(`Drawn on the ${viewZone} clock: where ${zone}'s hours fall for contacts without a time zone of their own.`);
  return out;
}

/** `2025-03-10` -> days since 1970-01-01, or undefined. */
function isoDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return isoDate(time / DAY_MS) === text ? time / DAY_MS : undefined;
}
