import { parseApiTime } from '../time';
import { CALLING_DAYS } from '../fieldPaths';
import { callingWindows, type CampaignRule } from './rule';

/** A window must end after it starts: the API has no windows across midnight. */
export const timeOrder: CampaignRule = {
  codes: ['time-order'],
  check(context) {
    for (const window of callingWindows(context.campaign)) {
      if (typeof window.start !== 'string' || typeof window.end !== 'string') continue;
      const start = parseApiTime(window.start);
      const end = parseApiTime(window.end);
      if (start === undefined || end === undefined || start < end) continue;
      const day = typeof window.day === 'string' ? `${window.day} ` : '';
      context.report({
        path: [...CALLING_DAYS, window.index, 'end'],
        code: 'time-order',
        severity: 'error',
        message:
          start === end
            ? `The ${day}window starts and ends at ${window.start}: end must be after start.`
            : `The ${day}window ends (${window.end}) before it starts (${window.start}): start must be before end. A window cannot cross midnight; split it into two days.`,
      });
    }
  },
};
