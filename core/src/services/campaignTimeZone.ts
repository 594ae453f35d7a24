// The time zone a campaign file names, for completion's "used in this workspace" ordering.
import { isScalar, visit } from 'yaml';
import { CALLING_TIMEZONE, valueAt } from '../fieldPaths';
import type { ParsedCampaign } from '../parse';

/** Time zones a campaign file names (for "used in this workspace"); cheap: one path lookup. */
export function campaignTimeZone(parsed: ParsedCampaign): string | undefined {
  const zone = valueAt(parsed.value, CALLING_TIMEZONE);
  if (typeof zone === 'string' && zone) return zone;
  // A file with an error elsewhere has no value: look the key up in the text.
  let found: string | undefined;
  if (parsed.document) {
    visit(parsed.document, {
      Pair(_key, pair) {
        if (isScalar(pair.key) && pair.key.value === 'timezone' && isScalar(pair.value) && typeof pair.value.value === 'string') {
          found = pair.value.value;
          return visit.BREAK;
        }
        return undefined;
      },
    });
  }
  return found;
}
