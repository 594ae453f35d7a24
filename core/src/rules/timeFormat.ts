import { replaceValueFix } from '../edits/yamlEdits';
import { parseApiTime, suggestApiTime } from '../time';
import { CALLING_DAYS } from '../fieldPaths';
import { callingWindows, type CampaignRule } from './rule';

/** `start` and `end` use the API's 12-hour clock: `9:00 AM`. */
export const timeFormat: CampaignRule = {
  codes: ['time-format'],
  check(context) {
    for (const window of callingWindows(context.campaign)) {
      for (const field of ['start', 'end'] as const) {
        const value = window[field];
        // Other types are the schema's to report (`start: 9` is a number, not a time).
        if (typeof value !== 'string' || parseApiTime(value) !== undefined) continue;
        const suggestion = suggestApiTime(value);
        const path = [...CALLING_DAYS, window.index, field];
        context.report({
          path,
          code: 'time-format',
          severity: 'error',
          message: `${field} must be a 12-hour time such as "${field === 'start' ? '9:00 AM' : '6:00 PM'}" (h:mm, one space, AM or PM); found "${value}"${suggestion ? `. Did you mean "${suggestion}"?` : '.'}`,
          fixes: replaceValueFix(context.parsed, suggestion),
        });
      }
    }
  },
};
