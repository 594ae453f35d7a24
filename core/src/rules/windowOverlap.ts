import { isSeq, type Node } from 'yaml';
import type { Located } from '../parse';
import type { ValidationContext } from '../context';
import { deleteSeqItemEdit } from '../edits/yamlEdits';
import { formatApiTime, parseApiTime } from '../time';
import { CALLING_DAYS } from '../fieldPaths';
import { callingWindows, type CampaignRule } from './rule';
import { Heap } from '../heap';

interface Window {
  index: number;
  day: string;
  start: number;
  end: number;
}

/** `9:00 AM-6:00 PM`, for messages only (not built for every window on every keystroke). */
const spanText = (w: Window) => `${formatApiTime(w.start)}-${formatApiTime(w.end)}`;

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
      list.push({ index: w.index, day: w.day, start, end });
      byDay.set(w.day, list);
    }
    const days = context.locate(CALLING_DAYS);
    for (const windows of byDay.values()) {
      if (windows.length < 2) continue;
      for (const [later, earlier] of earlierOverlaps(windows)) reportOverlap(context, earlier, later, days);
    }
  },
};

/**
 * Each window that overlaps a window written before it in the file, with that window: the
 * identical one when there is one (that is a repeat, with a fix), else the first in the file.
 * In O(n log n), for files with thousands of windows a day: a window starting no later than
 * this one is found with a heap of the windows still open (smallest file index first); one
 * starting later but before this one ends, with a range-minimum tree over the start order.
 */
function earlierOverlaps(windows: Window[]): [Window, Window][] {
  // Identical windows end up next to each other, the first in the file first.
  const byStart = [...windows].sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  let firstOfSpan: Window | undefined;
  const laterStarts = new RangeMinimum(byStart);
  const open = new Heap<Window>((a, b) => a.index - b.index);
  const out: [Window, Window][] = [];
  byStart.forEach((current, position) => {
    while (open.peek() && open.peek()!.end <= current.start) open.pop();
    // Windows that started before `current` but closed already stay in the heap below an open one; they are dropped when they reach the top.
    let earliest = open.peek();
    let last = position;
    for (let step = byStart.length; step > 0; step >>= 1)
      while (last + step < byStart.length && byStart[last + step].start < current.end) last += step;
    const starting = last > position ? laterStarts.min(position + 1, last) : undefined;
    if (starting && (!earliest || starting.index < earliest.index)) earliest = starting;
    if (!firstOfSpan || firstOfSpan.start !== current.start || firstOfSpan.end !== current.end) firstOfSpan = current;
    const same = firstOfSpan !== current ? firstOfSpan : undefined;
    if (same) out.push([current, same]);
    else if (earliest && earliest.index < current.index) out.push([current, earliest]);
    open.push(current);
  });
  return out.sort((a, b) => a[0].index - b[0].index);
}

/** The window with the smallest file index among positions [from, to] of a fixed list: a segment tree in one typed array. */
class RangeMinimum {
  private readonly size: number;
  private readonly tree: Int32Array;
  constructor(private readonly items: Window[]) {
    this.size = items.length;
    // Leaves hold positions into `items`; each parent the position with the smaller file index.
    this.tree = new Int32Array(2 * this.size);
    for (let i = 0; i < this.size; i++) this.tree[this.size + i] = i;
    for (let i = this.size - 1; i > 0; i--) this.tree[i] = this.better(this.tree[2 * i], this.tree[2 * i + 1]);
  }
  private better(a: number, b: number): number {
    return this.items[a].index <= this.items[b].index ? a : b;
  }
  min(from: number, to: number): Window {
    let best = from;
    for (let l = from + this.size, r = to + this.size + 1; l < r; l >>= 1, r >>= 1) {
      if (l & 1) best = this.better(best, this.tree[l++]);
      if (r & 1) best = this.better(best, this.tree[--r]);
    }
    return this.items[best];
  }
}

function reportOverlap(context: ValidationContext, earlier: Window, later: Window, days: Located | undefined): void {
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
