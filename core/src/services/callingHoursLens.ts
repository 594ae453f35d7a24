// Where an editor offers the calling-hours preview: on the `callingHours` key, titled with what
// the preview will show. Cheap (one path lookup): editors ask again after every change.
import { CALLING_DAYS, CALLING_HOURS, CALLING_TIMEZONE, valueAt } from '../fieldPaths';
import { locate, type ParsedCampaign } from '../parse';
import type { Range } from '../types';

export interface CallingHoursLens {
  range: Range;
  title: string;
}

export function callingHoursLens(parsed: ParsedCampaign): CallingHoursLens | undefined {
  const located = locate(parsed, CALLING_HOURS);
  const key = located?.pair?.key as { range?: [number, number, number] } | undefined;
  if (!key?.range) return undefined;
  const days = valueAt(parsed.value, CALLING_DAYS);
  const zone = valueAt(parsed.value, CALLING_TIMEZONE);
  const count = Array.isArray(days) ? `${days.length} window${days.length === 1 ? '' : 's'}` : undefined;
  const detail = [count, typeof zone === 'string' && zone ? zone : undefined].filter(Boolean).join(', ');
  return { range: parsed.lines.range(key.range[0], key.range[1]), title: `Preview calling hours${detail ? ` (${detail})` : ''}` };
}
