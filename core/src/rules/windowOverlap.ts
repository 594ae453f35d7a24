import { isSeq } from 'yaml';
import type { ValidationContext } from '../context';
import { deleteSeqItemEdit } from '../edits/yamlEdits';
import { parseApiTime } from '../time';
import { callingWindows, DAYS_PATH, type CampaignRule } from './rule';

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
    const daysSeq = context.locate(DAYS_PATH)?.node;
    for (const windows of byDay.values()) {
      if (windows.length < 2) continue;
      for (const [later, earlier] of earlierOverlaps(windows)) reportOverlap(context, earlier, later, daysSeq);
    }
  },
};

/**
 * Each window that overlaps a window written before it in the file, with that window: the
 * identical one when there is one (that is a repeat, with a fix), else the first in the file.
 * In O(n log n), for files with thousands of windows a day: a window starting no later than
 * this one is found with a heap of the windows still open (smallest file index first); one
 * starting later but before this one ends, with a range-minimum table over the start order.
 */
function earlierOverlaps(windows: Window[]): [Window, Window][] {
  const byStart = [...windows].sort((a, b) => a.start - b.start || a.index - b.index);
  const firstOfSpan = new Map<string, Window>();
  const laterStarts = new RangeMinimum(byStart);
  const open = new MinHeap<Window>((a, b) => a.index - b.index);
  const out: [Window, Window][] = [];
  byStart.forEach((current, position) => {
    while (open.peek() && open.peek()!.end <= current.start) open.pop();
    // Windows that started before `current` but closed already stay in the heap below an open one; they are dropped when they reach the top.
    let earliest = open.peek();
    let last = position;
    for (let step = byStart.length; step > 0; step >>= 1) while (last + step < byStart.length && byStart[last + step].start < current.end) last += step;
    const starting = last > position ? laterStarts.min(position + 1, last) : undefined;
    if (starting && (!earliest || starting.index < earliest.index)) earliest = starting;
    const span = `${current.start}-${current.end}`;
    const same = firstOfSpan.get(span);
    if (!same || current.index < same.index) firstOfSpan.set(span, current);
    if (same && same.index < current.index) out.push([current, same]);
    else if (earliest && earliest.index < current.index) out.push([current, earliest]);
    open.push(current);
  });
  return out.sort((a, b) => a[0].index - b[0].index);
}

/** The window with the smallest file index among positions [from, to] of a fixed list (a sparse table). */
class RangeMinimum {
  private readonly levels: Window[][];
  constructor(items: Window[]) {
    this.levels = [items];
    for (let width = 2; width <= items.length; width *= 2) {
      const below = this.levels[this.levels.length - 1];
      const half = width / 2;
      this.levels.push(below.slice(0, items.length - width + 1).map((w, i) => (below[i + half].index < w.index ? below[i + half] : w)));
    }
  }
  min(from: number, to: number): Window {
    const level = Math.floor(Math.log2(to - from + 1));
    const a = this.levels[level][from];
    const b = this.levels[level][to - (1 << level) + 1];
    return a.index <= b.index ? a : b;
  }
}

class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}
  peek(): T | undefined {
    return this.items[0];
  }
  push(item: T): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.less(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length && last !== undefined) {
      items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l], items[m]) < 0) m = l;
        if (r < items.length && this.less(items[r], items[m]) < 0) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return top;
  }
}

function reportOverlap(context: ValidationContext, earlier: Window, later: Window, daysSeq: unknown): void {
  const earlierLine = lineOf(context, earlier.index);
  const identical = earlier.start === later.start && earlier.end === later.end;
  context.report({
    path: [...DAYS_PATH, later.index],
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
  const located = context.locate([...DAYS_PATH, index]);
  return (located ? context.parsed.lines.positionAt(located.reportRange[0]).line : 0) + 1;
}
