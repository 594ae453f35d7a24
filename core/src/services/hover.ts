// Hover: a key's documentation from the schema; a time zone's offset and current time; a
// calling window in the campaign's zone and in UTC (the conversion authors get wrong).
import { isScalar } from 'yaml';
import { CALLING_DAYS, CALLING_TIMEZONE, isWithin, samePath } from '../fieldPaths';
import { locate, type FieldPath, type ParsedCampaign } from '../parse';
import { schemaAt } from '../schema';
import { parseApiTime } from '../time';
import { isValidTimeZone } from '../timezones';
import type { Position, Range } from '../types';
import { cursorContext } from './cursor';
import type { KnownContactLists } from '../knownContactLists';
import { platformOwnedField, READ_ONLY_MESSAGE } from '../platformFields';
import { curfewBreach, CURFEW_TEXT } from '../policy';
import { contactListHover, isContactListItem } from './platformLists';
import { fieldMarkdown } from './fieldDocs';
import { treeAt } from './treeAt';
import { formatClock24, formatOffset, shiftDay, windowInUtc, zoneClock, zoneFacts } from './zoneInfo';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

export interface HoverOptions {
  now?: Date;
  /** The platform's contact lists, when known: a list name's hover shows its facts. */
  contactLists?: KnownContactLists;
}

export function hoverAt(parsed: ParsedCampaign, position: Position, options: HoverOptions = {}): HoverResult | undefined {
  const now = options.now ?? new Date();
  const offset = parsed.lines.offsetAt(position);
  const hit = treeAt(parsed, offset);
  if (!hit) return keyHoverFromText(parsed, position);
  const range = parsed.lines.range(hit.range[0], hit.range[1]);
  const windowIndex = dayWindowIndex(hit.path);
  const windowText = windowIndex === undefined ? undefined : windowSummary(parsed, windowIndex, now);
  const schema = schemaAt(hit.path);
  const owned = hit.on === 'inside' ? undefined : platformOwnedField(hit.path);
  if (owned)
    return {
      contents: `**${owned.path.join('.')}**: ${READ_ONLY_MESSAGE}.\n\n${owned.about}\n\nA read from the platform returns it; a push never sends it.`,
      range,
    };

  if (hit.on === 'inside') {
    // On the `- ` of a calling window, or between fields: the window is what matters there.
    if (windowText && hit.path.length === CALLING_DAYS.length + 1) return { contents: windowText, range };
    return undefined;
  }
  if (!schema) return undefined;
  const docs = fieldMarkdown(hit.path, schema);
  if (hit.on === 'key' && samePath(hit.path, CALLING_DAYS)) {
    // On `days:` itself: every window in UTC at a glance.
    const all = allWindows(parsed, now);
    return { contents: all ? `${all}\n\n---\n\n${docs}` : docs, range };
  }
  if (hit.on === 'key') return { contents: windowText ? `${windowText}\n\n---\n\n${docs}` : docs, range };

  const value = isScalar(hit.node) ? hit.node.value : undefined;
  if (samePath(hit.path, CALLING_TIMEZONE) && typeof value === 'string') {
    const zone = zoneHover(value, now);
    return { contents: zone ? `${zone}\n\n---\n\n${docs}` : docs, range };
  }
  if (windowText) return { contents: `${windowText}\n\n---\n\n${docs}`, range };
  if (options.contactLists && isContactListItem(hit.path) && typeof value === 'string') {
    return {
      contents: `${contactListHover(value, options.contactLists, (parsed.value as { campaignId?: unknown } | undefined)?.campaignId)}\n\n---\n\n${docs}`,
      range,
    };
  }
  const enumIndex = schema.enum && typeof value === 'string' ? schema.enum.indexOf(value) : -1;
  const note = enumIndex >= 0 ? schema.enumDescriptions?.[enumIndex] : undefined;
  return { contents: note ? `\`${value}\`: ${note}\n\n---\n\n${docs}` : docs, range };
}

/** When the tree has nothing at the position (broken YAML), a key's docs from the line text. */
function keyHoverFromText(parsed: ParsedCampaign, position: Position): HoverResult | undefined {
  const text = parsed.lines.lineText(position.line);
  const match = /^( *(?:- +)*)([A-Za-z_$][\w$-]*)\s*:(?=\s|$)/.exec(text);
  if (!match || position.character < match[1].length || position.character > match[1].length + match[2].length) return undefined;
  const context = cursorContext(parsed, { line: position.line, character: match[1].length });
  if (context.kind !== 'key') return undefined;
  const path = [...context.path, match[2]];
  const schema = schemaAt(path);
  if (!schema) return undefined;
  return {
    contents: fieldMarkdown(path, schema),
    range: {
      start: { line: position.line, character: match[1].length },
      end: { line: position.line, character: match[1].length + match[2].length },
    },
  };
}

/** The index of the calling window a path is in (`days[2]`, `days[2].start`), if any. */
function dayWindowIndex(path: FieldPath): number | undefined {
  if (path.length < CALLING_DAYS.length + 1 || !isWithin(path, CALLING_DAYS)) return undefined;
  const index = path[CALLING_DAYS.length];
  return typeof index === 'number' ? index : undefined;
}

/** `Asia/Kolkata`: UTC+05:30, now 14:03 (Fri) there. */
export function zoneHover(zone: string, now: Date): string | undefined {
  if (!isValidTimeZone(zone)) return undefined;
  const clock = zoneClock(zone, now);
  if (!clock) return undefined;
  const facts = zoneFacts(zone);
  const weekday = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][clock.weekday] ?? '';
  const lines = [
    `**${zone}**: ${formatOffset(clock.offsetMinutes)} now; the time there is ${formatClock24(clock.hour * 60 + clock.minute)} (${weekday}).`,
  ];
  if (facts?.aliasOf) lines.push('', `A legacy name of \`${facts.aliasOf}\` (valid; the current IANA name is ${facts.aliasOf}).`);
  else if (facts?.countryName) lines.push('', `${facts.countryName}${facts.mainCities.length ? `: ${facts.mainCities.join(', ')}` : ''}.`);
  return lines.join('\n');
}

/** `MO 9:00 AM-6:00 PM Asia/Kolkata = 03:30-12:30 UTC`, in a code span, with the offset used. */
export function windowSummary(parsed: ParsedCampaign, index: number, now: Date): string | undefined {
  const entry = locate(parsed, [...CALLING_DAYS, index])?.node;
  const json =
    entry && typeof (entry as { toJSON?: unknown }).toJSON === 'function' ? (entry as { toJSON(): unknown }).toJSON() : undefined;
  if (!json || typeof json !== 'object') return undefined;
  const { day, start, end } = json as Record<string, unknown>;
  if (typeof day !== 'string' || typeof start !== 'string' || typeof end !== 'string') return undefined;
  const local = `${day} ${start}-${end}`;
  const zoneNode = locate(parsed, CALLING_TIMEZONE)?.node;
  const zone = isScalar(zoneNode) && typeof zoneNode.value === 'string' ? zoneNode.value : undefined;
  const startMinutes = parseApiTime(start);
  const endMinutes = parseApiTime(end);
  if (!zone || !isValidTimeZone(zone)) return `**Calling window** \`${local}\`: set a valid \`timezone\` to see it in UTC.`;
  if (startMinutes === undefined || endMinutes === undefined)
    return `**Calling window** \`${local} ${zone}\`: fix the times to see it in UTC.`;
  const utc = windowInUtc(zone, day, startMinutes, endMinutes, now);
  if (!utc) return `**Calling window** \`${local} ${zone}\``;
  const same = utc.startDayShift === 0 && utc.endDayShift === 0;
  const utcText = same
    ? `${formatClock24(utc.startMinutes)}-${formatClock24(utc.endMinutes)} UTC`
    : `${shiftDay(day, utc.startDayShift)} ${formatClock24(utc.startMinutes)}-${shiftDay(day, utc.endDayShift)} ${formatClock24(utc.endMinutes)} UTC`;
  const order =
    startMinutes >= endMinutes
      ? '\n\nThe window ends before it starts: no calls would be placed.'
      : curfewNote(startMinutes, endMinutes, zone);
  return `**Calling window** \`${local} ${zone} = ${utcText}\`\n\n(${zone} is ${formatOffset(utc.offsetMinutes)} on the next ${dayName(day)}.)${order}`;
}

/** One line per window (`MO 9:00 AM-6:00 PM Asia/Kolkata = 03:30-12:30 UTC`), at most 50. */
function allWindows(parsed: ParsedCampaign, now: Date): string | undefined {
  const days = locate(parsed, [...CALLING_DAYS])?.node as { items?: unknown[] } | undefined;
  const count = Math.min(days?.items?.length ?? 0, 50);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const match = /`([^`]*)`/.exec(windowSummary(parsed, i, now) ?? '');
    if (match) lines.push(`- \`${match[1]}\``);
  }
  return lines.length ? `**Calling windows**\n${lines.join('\n')}` : undefined;
}

/** Whether the window keeps to the US telemarketing calling hours, in the campaign's zone. */
function curfewNote(start: number, end: number, zone: string): string {
  const breach = curfewBreach(start, end);
  if (!breach) return `\n\nInside the ${CURFEW_TEXT} calling hours (US telemarketing rules) in ${zone}.`;
  const parts = [breach.early ? 'starts before 8:00 AM' : '', breach.late ? 'ends after 9:00 PM' : ''].filter(Boolean).join(' and ');
  return `\n\nOutside the ${CURFEW_TEXT} calling hours (US telemarketing rules): it ${parts} in ${zone}.`;
}

function dayName(code: string): string {
  return (
    (
      { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' } as Record<string, string>
    )[code] ?? code
  );
}
