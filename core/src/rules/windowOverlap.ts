import { isSeq } from 'yaml';
import type { ValidationContext } from '../context';
import { deleteSeqItemEdit } from '../edits/yamlEdits';
import { parseApiTime } from '../time';
import { CALLING_DAYS } from '../fieldPaths';
import { callingWindows, type CampaignRule } from './rule';

interface Window {
  index: number;
  day: string;
  start: number;
  end: number;
  text: string;
}

/** Two windows of one day that overlap, or the same window written twice. */
export const windowOverlap: CampaignRule = {
  codes: ['window-overlap', 'duplicate-window'],
  check(context) {
    const byDay = new Map<string, Window[]>();
    for (const w of callingWindows(context.campaign)) {
      if (typeof w.day !== 'string' || typeof w.start !== 'string' || typeof w.end !== 'string') continue;
      const start = parseApiTime(w.start);
      const end = parseApiTime(w.end);
      if (start === undefined || end === undefined || start >= end) continue;
      const list = byDay.get(w.day) ?? [];
      list.push({ index: w.index, day: w.day, start, end, text: `${w.start}-${w.end}` });
      byDay.set(w.day, list);
    }
    const daysSeq = context.locate(CALLING_DAYS)?.node;
    for (const windows of byDay.values()) {
      if (windows.length < 2) continue;
      // One sweep in start order (linear after the sort, for files with thousands of windows):
      // each overlapping pair is reported once, on the entry that comes later in the file.
      const byStart = [...windows].sort((a, b) => a.start - b.start || a.index - b.index);
      const reported = new Set<number>();
      let widest = byStart[0];
      for (const current of byStart.slice(1)) {
        if (current.start < widest.end) {
          const [earlier, later] = widest.index < current.index ? [widest, current] : [current, widest];
          if (!reported.has(later.index)) {
            reported.add(later.index);
            reportOverlap(context, earlier, later, daysSeq);
          }
        }
        if (current.end > widest.end) widest = current;
      }
    }
  },
};

function reportOverlap(context: ValidationContext, earlier: Window, later: Window, daysSeq: unknown): void {
  const earlierLine = lineOf(context, earlier.index);
  const identical = earlier.start === later.start && earlier.end === later.end;
  context.report({
    path: [...CALLING_DAYS, later.index],
    code: identical ? 'duplicate-window' : 'window-overlap',
    severity: 'warning',
    target: 'firstLine',
    message: identical
      ? `This ${later.day} ${later.text} window repeats the one at line ${earlierLine}.`
      : `This ${later.day} window ${later.text} overlaps the ${earlier.day} window ${earlier.text} at line ${earlierLine}; calls follow the union of the two.`,
    fixes: () => {
      if (!identical || !isSeq(daysSeq)) return undefined;
      const edit = deleteSeqItemEdit(context.parsed, daysSeq, later.index);
      return edit ? [{ title: `Remove the repeated ${later.day} window`, preferred: true, edits: [edit] }] : undefined;
    },
  });
}

function lineOf(context: ValidationContext, index: number): number {
  const located = context.locate([...CALLING_DAYS, index]);
  return (located ? context.parsed.lines.positionAt(located.reportRange[0]).line : 0) + 1;
}
