import { isSeq, type Node } from 'yaml';
import type { Located } from '../parse';
import type { ValidationContext } from '../context';
import { deleteSeqItemEdit } from '../edits/yamlEdits';
import { formatApiTime } from '../time';
import { CALLING_DAYS } from '../fieldPaths';
import type { CampaignRule } from './rule';
import { timedCallingWindows, windowOverlaps, type TimedWindow } from '../windowOverlaps';

/** `9:00 AM-6:00 PM`, for messages only (not built for every window on every keystroke). */
const spanText = (w: TimedWindow) => `${formatApiTime(w.start)}-${formatApiTime(w.end)}`;

/** Two windows of one day that overlap, or the same window written twice. */
export const windowOverlap: CampaignRule = {
  codes: ['window-overlap', 'duplicate-window'],
  check(context) {
    const overlaps = windowOverlaps(timedCallingWindows(context.campaign));
    if (overlaps.length === 0) return;
    const days = context.locate(CALLING_DAYS);
    for (const { earlier, later } of overlaps) reportOverlap(context, earlier, later, days);
  },
};

function reportOverlap(context: ValidationContext, earlier: TimedWindow, later: TimedWindow, days: Located | undefined): void {
  const daysSeq = days?.node;
  const earlierLine = lineOf(context, earlier.index, days);
  const identical = earlier.start === later.start && earlier.end === later.end;
  context.report({
    path: [...CALLING_DAYS, later.index],
    code: identical ? 'duplicate-window' : 'window-overlap',
    severity: 'warning',
    target: 'firstLine',
    message: identical
      ? `This ${later.day} ${spanText(later)} window repeats the one at line ${earlierLine}.`
      : `This ${later.day} window ${spanText(later)} overlaps the ${earlier.day} window ${spanText(earlier)} at line ${earlierLine}; calls follow the union of the two.`,
    fixes: () => {
      if (!identical || !isSeq(daysSeq)) return undefined;
      const edit = deleteSeqItemEdit(context.parsed, daysSeq, later.index);
      return edit ? [{ title: `Remove the repeated ${later.day} window`, preferred: true, edits: [edit] }] : undefined;
    },
  });
}

/** The 1-based line of window `index` (an alias's line when it is one, as `locate` says). */
function lineOf(context: ValidationContext, index: number, days: Located | undefined): number {
  // The list's own item is read directly (thousands of reports on a large file), unless the list
  // itself came through an alias, where `locate` reports the alias.
  const item = days && !days.viaAlias && isSeq(days.node) ? (days.node.items[index] as Node | undefined) : undefined;
  const offset = item?.range ? item.range[0] : context.locate([...CALLING_DAYS, index])?.reportRange[0];
  return (offset === undefined ? 0 : context.parsed.lines.positionAt(offset).line) + 1;
}
