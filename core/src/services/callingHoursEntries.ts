// The calling windows of a campaign file as the grid reads them: every `days` entry that can be
// drawn, and for every other one the reason it cannot (the same faults the diagnostics report,
// in one sentence each). A file with broken YAML is read as far as its document goes.
import { CALLING_DAYS, CALLING_TIMEZONE, formatPath, valueAt, type FieldPath } from '../fieldPaths';
import { PARSE_LIMITS } from '../limits';
import { locate, type ParsedCampaign } from '../parse';
import { isRecord } from '../rules/rule';
import { suggestTimeZone } from '../rules/timezone';
import { formatApiTime, parseApiTime, suggestApiTime } from '../time';
import { isValidTimeZone } from '../timezones';
import type { Range } from '../types';
import { WEEK_DAYS, type DayCode, type HoursWindow, type NotDrawn } from './callingHoursModel';

export interface CallingHoursEntries {
  campaign: Record<string, unknown> | undefined;
  name?: string;
  /** The campaign's zone, when the runtime knows it. */
  zone?: string;
  windows: HoursWindow[];
  notDrawn: NotDrawn[];
}

const DAY_LIST = WEEK_DAYS.join(', ');
const AS_WRITTEN = 'the windows are drawn as written, on no particular clock, and cannot be shown in another zone';

export function readCallingHours(parsed: ParsedCampaign): CallingHoursEntries {
  const notDrawn: NotDrawn[] = [];
  const campaign = campaignValue(parsed, notDrawn);
  if (!campaign) return { campaign, windows: [], notDrawn };
  const name = typeof campaign.name === 'string' && campaign.name.trim() ? campaign.name : undefined;
  const zone = readZone(parsed, campaign, notDrawn);
  const windows: HoursWindow[] = [];
  const days = valueAt(campaign, CALLING_DAYS);
  const where = (path: FieldPath) => ({ path: formatPath(path), ...rangeOf(parsed, path) });
  if (!Array.isArray(days)) {
    const message =
      days === undefined || days === null
        ? `There are no calling windows: ${formatPath(CALLING_DAYS)} is missing.`
        : `${formatPath(CALLING_DAYS)} is not a list of { day, start, end } entries.`;
    notDrawn.push({ ...where(CALLING_DAYS), message });
  } else if (days.length === 0) {
    notDrawn.push({ ...where(CALLING_DAYS), message: 'days is empty: there is no calling window to draw.' });
  }
  (Array.isArray(days) ? days : []).forEach((entry: unknown, index) => {
    const path = [...CALLING_DAYS, index];
    const faults = isRecord(entry) ? entryFaults(entry) : ['it is not a { day, start, end } entry'];
    if (faults.length) {
      notDrawn.push({ ...where(path), index, message: `days[${index}]: ${faults.join('; ')}.` });
      return;
    }
    const { day, start, end } = entry as { day: DayCode; start: string; end: string };
    const [from, to] = [parseApiTime(start)!, parseApiTime(end)!];
    windows.push({
      index,
      day,
      start: from,
      end: to,
      text: `${day} ${formatApiTime(from)}-${formatApiTime(to)}`,
      ...rangeOf(parsed, path),
      findings: [],
    });
  });
  return { campaign, name, zone, windows, notDrawn };
}

/** The campaign as data; from a document with YAML errors, what its nodes still hold. */
function campaignValue(parsed: ParsedCampaign, notDrawn: NotDrawn[]): Record<string, unknown> | undefined {
  if (isRecord(parsed.value)) return parsed.value;
  let value: unknown;
  if (!parsed.valueError && parsed.document) {
    try {
      value = parsed.document.toJS({ maxAliasCount: PARSE_LIMITS.maxAliasCount });
    } catch {
      value = undefined;
    }
  }
  const broken = (parsed.document?.errors.length ?? 0) > 0;
  if (isRecord(value)) {
    if (broken)
      notDrawn.push({ path: '', message: 'The file has YAML errors: what could still be read is drawn; fix them to see the rest.' });
    return value;
  }
  const why = parsed.valueError?.message ?? (broken ? 'The file has YAML errors.' : 'The file holds no campaign (a mapping of fields).');
  notDrawn.push({ path: '', message: `${why} No calling hours could be read.` });
  return undefined;
}

function readZone(parsed: ParsedCampaign, campaign: Record<string, unknown>, notDrawn: NotDrawn[]): string | undefined {
  const zone = valueAt(campaign, CALLING_TIMEZONE);
  if (typeof zone === 'string' && isValidTimeZone(zone)) return zone;
  const place = { path: formatPath(CALLING_TIMEZONE), ...rangeOf(parsed, CALLING_TIMEZONE) };
  if (zone === undefined || zone === null || zone === '') notDrawn.push({ ...place, message: `There is no timezone: ${AS_WRITTEN}.` });
  else if (typeof zone !== 'string') notDrawn.push({ ...place, message: `timezone is not a string: ${AS_WRITTEN}.` });
  else {
    const suggestion = suggestTimeZone(zone);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    notDrawn.push({ ...place, message: `timezone "${zone}" is not an IANA time zone${hint}: ${AS_WRITTEN}.` });
  }
  return undefined;
}

/** Why an entry cannot be drawn, one phrase per fault (none: it can). */
function entryFaults(entry: Record<string, unknown>): string[] {
  const faults: string[] = [];
  const { day, start, end } = entry;
  if (day === undefined || day === null) faults.push('it has no day');
  else if (typeof day !== 'string' || !(WEEK_DAYS as readonly string[]).includes(day)) {
    const upper = typeof day === 'string' ? day.trim().slice(0, 2).toUpperCase() : '';
    const hint = (WEEK_DAYS as readonly string[]).includes(upper) ? ` (did you mean ${upper}?)` : '';
    faults.push(`day ${JSON.stringify(day)} is not one of ${DAY_LIST}${hint}`);
  }
  const times: (number | undefined)[] = [];
  for (const [field, value] of [
    ['start', start],
    ['end', end],
  ] as const) {
    const minutes = typeof value === 'string' ? parseApiTime(value) : undefined;
    times.push(minutes);
    if (value === undefined || value === null) faults.push(`it has no ${field}`);
    else if (minutes === undefined) {
      const suggestion = typeof value === 'string' ? suggestApiTime(value) : undefined;
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      faults.push(`${field} ${JSON.stringify(value)} is not a 12-hour time such as "9:00 AM"${hint}`);
    }
  }
  const [from, to] = times;
  if (from !== undefined && to !== undefined && from >= to)
    faults.push(
      from === to ? `it starts and ends at ${start}` : `it ends (${end}) before it starts (${start}); a window cannot cross midnight`,
    );
  return faults;
}

function rangeOf(parsed: ParsedCampaign, path: FieldPath): { range?: Range } {
  const located = locate(parsed, path);
  if (!located) return {};
  const [start, end] = located.reportRange;
  return { range: parsed.lines.range(start, end) };
}
