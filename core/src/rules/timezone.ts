import { replaceValueFix } from '../edits/yamlEdits';
import { closestMatch } from '../suggest';
import { allTimeZoneNames, isValidTimeZone } from '../timezones';
import { CALLING_TIMEZONE } from '../fieldPaths';
import type { CampaignRule } from './rule';

/** An IANA time zone the runtime knows; legacy aliases (`Asia/Calcutta`) are valid too. */
export const timezone: CampaignRule = {
  codes: ['timezone'],
  check(context) {
    const zone = context.valueAt(CALLING_TIMEZONE);
    if (typeof zone !== 'string' || zone === '' || isValidTimeZone(zone)) return;
    const suggestion = suggestTimeZone(zone);
    context.report({
      path: [...CALLING_TIMEZONE],
      code: 'timezone',
      severity: 'error',
      message: `"${zone}" is not an IANA time zone${suggestion ? `. Did you mean "${suggestion}"?` : ' (e.g. "Asia/Kolkata", "America/New_York", "Europe/London").'}`,
      fixes: replaceValueFix(context.parsed, suggestion),
    });
  },
};

/** Closest zone name; a bare city (`Kolkata`, `new york`) finds its zone too. */
export function suggestTimeZone(zone: string): string | undefined {
  const names = allTimeZoneNames();
  const direct = closestMatch(zone, names);
  if (direct) return direct;
  const city = zone.split('/').pop() ?? zone;
  const byCity = new Map(names.map((n) => [n.split('/').pop() ?? n, n]));
  const match = closestMatch(city, byCity.keys());
  return match ? byCity.get(match) : undefined;
}
