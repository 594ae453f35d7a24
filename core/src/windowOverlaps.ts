// Which calling windows overlap or repeat one another: the finding behind the `window-overlap`
// and `duplicate-window` diagnostics (rules/windowOverlap.ts) and the marks of the calling-hours
// grid (services/callingHoursWeek.ts), so the two always agree.
import { parseApiTime } from './time';
import { callingWindows } from './rules/rule';
import { Heap } from './heap';

/** A window the API would take: a string day, two valid times, start before end (minutes since midnight). */
export interface TimedWindow {
  /** Its index in `days`. */
  index: number;
  day: string;
  start: number;
  end: number;
}

export interface WindowOverlap {
  /** The window that overlaps one written before it in the file. */
  later: TimedWindow;
  /** That earlier window: the identical one when there is one, else the first in the file. */
  earlier: TimedWindow;
  /** The same day, start and end: a repeat (`duplicate-window`), not an overlap. */
  identical: boolean;
}

/** The windows of `days` with a string day and valid times in order; the others have their own errors. */
export function timedCallingWindows(campaign: Record<string, unknown>): TimedWindow[] {
  const out: TimedWindow[] = [];
  for (const w of callingWindows(campaign)) {
    if (typeof w.day !== 'string' || typeof w.start !== 'string' || typeof w.end !== 'string') continue;
    const start = parseApiTime(w.start);
    const end = parseApiTime(w.end);
    if (start === undefined || end === undefined || start >= end) continue;
    out.push({ index: w.index, day: w.day, start, end });
  }
  return out;
}

/**
 * Each window that overlaps (or repeats) one written before it on the same day: day by day in
 * the order the days first appear, then in file order.
 */
export function windowOverlaps(windows: readonly TimedWindow[]): WindowOverlap[] {
  const byDay = new Map<string, TimedWindow[]>();
  for (const w of windows) {
    const list = byDay.get(w.day);
    if (list) list.push(w);
    else byDay.set(w.day, [w]);
  }
  const out: WindowOverlap[] = [];
  for (const list of byDay.values()) {
    if (list.length < 2) continue;
    for (const [later, earlier] of earlierOverlaps(list))
      out.push({ later, earlier, identical: earlier.start === later.start && earlier.end === later.end });
  }
  return out;
}

/**
 * Each window that overlaps a window written before it in the file, with that window: the
 * identical one when there is one (that is a repeat, with a fix), else the first in the file.
 * In O(n log n), for files with thousands of windows a day: a window starting no later than
 * this one is found with a heap of the windows still open (smallest file index first); one
 * starting later but before this one ends, with a range-minimum tree over the start order.
 */
function earlierOverlaps(windows: TimedWindow[]): [TimedWindow, TimedWindow][] {
  // Identical windows end up next to each other, the first in the file first.
  const byStart = [...windows].sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  let firstOfSpan: TimedWindow | undefined;
  const laterStarts = new RangeMinimum(byStart);
  const open = new Heap<TimedWindow>((a, b) => a.index - b.index);
  const out: [TimedWindow, TimedWindow][] = [];
  byStart.forEach((current, position) => {
    while (open.peek() && open.peek()!.end <= current.start) open.pop();
    // Windows that started before `current` but closed already stay in the heap below an open
    // one; they are dropped when they reach the top.
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
  constructor(private readonly items: TimedWindow[]) {
    this.size = items.length;
    // Leaves hold positions into `items`; each parent the position with the smaller file index.
    this.tree = new Int32Array(2 * this.size);
    for (let i = 0; i < this.size; i++) this.tree[this.size + i] = i;
    for (let i = this.size - 1; i > 0; i--) this.tree[i] = this.better(this.tree[2 * i], this.tree[2 * i + 1]);
  }
  private better(a: number, b: number): number {
    return this.items[a].index <= this.items[b].index ? a : b;
  }
  min(from: number, to: number): TimedWindow {
    let best = from;
    for (let l = from + this.size, r = to + this.size + 1; l < r; l >>= 1, r >>= 1) {
      if (l & 1) best = this.better(best, this.tree[l++]);
      if (r & 1) best = this.better(best, this.tree[--r]);
    }
    return this.items[best];
  }
}
