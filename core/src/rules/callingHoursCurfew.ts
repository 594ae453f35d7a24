import { replaceNodeEdit, stringScalarText } from '../edits/yamlEdits';
import { CURFEW_EARLIEST, CURFEW_LATEST, CURFEW_TEXT, curfewBreach } from '../policy';
import { formatApiTime, parseApiTime } from '../time';
import type { TextEdit } from '../types';
import { CALLING_DAYS, CALLING_TIMEZONE } from '../fieldPaths';
import { callingWindows, type CampaignRule } from './rule';

/** A window that calls before 8:00 AM or after 9:00 PM in the campaign's zone (a policy a team may be bound by). */
export const callingHoursCurfew: CampaignRule = {
  codes: ['calling-hours-curfew'],
  check(context) {
    const zone = context.valueAt(CALLING_TIMEZONE);
    const where = typeof zone === 'string' && zone ? `${zone.trimStart()} time` : "the campaign's time zone";
    for (const window of callingWindows(context.campaign)) {
      if (typeof window.start !== 'string' || typeof window.end !== 'string') continue;
      const start = parseApiTime(window.start);
      const end = parseApiTime(window.end);
      // Bad times and reversed windows have their own errors; a curfew on top would be noise.
      if (start === undefined || end === undefined || start >= end) continue;
      const breach = curfewBreach(start, end);
      if (!breach) continue;
      const clampedStart = Math.max(start, CURFEW_EARLIEST);
      const clampedEnd = Math.min(end, CURFEW_LATEST);
      const outside =
        breach.early && breach.late
          ? `starts at ${window.start} and ends at ${window.end}`
          : breach.early
            ? `starts at ${window.start}`
            : `ends at ${window.end}`;
      const path = [...CALLING_DAYS, window.index];
      context.report({
        path,
        code: 'calling-hours-curfew',
        severity: 'information',
        target: 'firstLine',
        message: `This window ${outside} (${where}), outside the ${CURFEW_TEXT} calling hours US telemarketing rules allow (47 CFR 64.1200(c)(1)).`,
        fixes: () => {
          // A window wholly outside the curfew has nothing left to keep: no clamp to offer.
          if (clampedStart >= clampedEnd) return undefined;
          const edits: TextEdit[] = [];
          for (const [field, minutes, changed] of [
            ['start', clampedStart, breach.early],
            ['end', clampedEnd, breach.late],
          ] as const) {
            if (!changed) continue;
            const located = context.locate([...path, field]);
            if (!located || located.viaAlias) return undefined;
            edits.push(replaceNodeEdit(context.parsed, located.reportRange, stringScalarText(formatApiTime(minutes), located.node)));
          }
          // Not preferred: "Fix all" (and fix on save) must not change calling hours for a policy the team may not follow.
          return [{ title: `Clamp to ${formatApiTime(clampedStart)}-${formatApiTime(clampedEnd)}`, edits }];
        },
      });
    }
  },
};
