// A campaign-zone span of one weekday, placed on another zone's week: the instants it names on
// its date of the week drawn, read on the other clock, and cut at that clock's midnights. Dates
// are days since 1970-01-01 (zoneTime.ts); rows are Monday..Sunday of the week drawn.
import { formatApiTime } from '../time';
import type { HoursBlock, Span } from './callingHoursModel';
import { DAY_MS, instantOf, wallTime, ZoneOffsets, type WallTime } from './zoneTime';

/** A part of a span on one date of the other clock. */
interface Piece extends Span {
  date: number;
  outside: boolean;
}

export class WeekProjection {
  /** One build reads the same few times over and over (a file's windows share their hours): each is converted once. */
  private readonly instants = new Map<number, number>();
  private readonly walls = new Map<number, WallTime>();
  /** The two zones' offsets over the week and two days either side (where its windows can fall on either clock). */
  private readonly fromOffsets: ZoneOffsets | undefined;
  private readonly toOffsets: ZoneOffsets | undefined;

  /**
   * `monday`: the Monday of the week drawn in the campaign's zone. Without `from` and `to`
   * (no usable campaign zone) spans are drawn as written.
   */
  constructor(
    readonly monday: number,
    private readonly from?: string,
    private readonly to?: string,
  ) {
    const span = [(monday - 2) * DAY_MS, (monday + 9) * DAY_MS] as const;
    this.fromOffsets = from ? new ZoneOffsets(from, ...span) : undefined;
    this.toOffsets = to ? new ZoneOffsets(to, ...span) : undefined;
  }

  /** The blocks of one window: its parts (`outside` the policy band or not) in campaign minutes, on the weekday `day` (0 = Monday). */
  blocks(window: number, day: number, parts: readonly (Span & { outside: boolean })[]): HoursBlock[] {
    const pieces = parts.flatMap((part) => this.pieces(day, part.start, part.end, part.outside));
    const byDate: Piece[][] = [];
    for (const piece of pieces) {
      const last = byDate[byDate.length - 1];
      if (last && last[0].date === piece.date) last.push(piece);
      else byDate.push([piece]);
    }
    return byDate.map((group, i) => {
      const start = Math.min(...group.map((p) => p.start));
      const end = Math.max(...group.map((p) => p.end));
      return {
        window,
        row: this.row(group[0].date),
        start,
        end,
        startText: formatApiTime(start),
        endText: formatApiTime(end),
        fromPreviousDay: i > 0,
        toNextDay: i < byDate.length - 1,
        ...this.otherWeek(group[0].date),
        outside: mergeSpans(group.filter((p) => p.outside)),
      };
    });
  }

  /** The band `start`-`end` (campaign minutes) of every day of the week, per row of the other clock. */
  band(start: number, end: number): Span[][] {
    const rows: Span[][] = [[], [], [], [], [], [], []];
    for (let day = 0; day < 7; day++) for (const piece of this.pieces(day, start, end, false)) rows[this.row(piece.date)].push(piece);
    return rows.map(mergeSpans);
  }

  /** The row (0 = Monday) a date of the other clock falls on: the week wraps around. */
  row(date: number): number {
    return (((date - this.monday) % 7) + 7) % 7;
  }

  private otherWeek(date: number): { otherWeek?: -1 | 1 } {
    if (date < this.monday) return { otherWeek: -1 };
    return date > this.monday + 6 ? { otherWeek: 1 } : {};
  }

  private pieces(day: number, start: number, end: number, outside: boolean): Piece[] {
    const date = this.monday + day;
    if (!this.from || !this.to) return [{ date, start, end, outside }];
    const a = this.wall(this.instant(date, start));
    let b = this.wall(this.instant(date, end));
    // Ending at the other clock's midnight ends that row; it does not begin the next one.
    if (b.minutes === 0 && b.date > a.date) b = { ...b, date: b.date - 1, minutes: 1440 };
    const out: Piece[] = [];
    // A window is shorter than a day, so it spans at most two dates (three only through a 25-hour day's fold).
    for (let d = a.date; d <= b.date && d <= a.date + 2; d++) {
      const from = d === a.date ? a.minutes : 0;
      const to = d === b.date ? b.minutes : 1440;
      if (to > from) out.push({ date: d, start: from, end: to, outside });
    }
    // A span inside a fall-back fold can end "before" it starts on the wall clock: a sliver, not nothing.
    return out.length ? out : [{ date: a.date, start: a.minutes, end: Math.min(1440, a.minutes + 1), outside }];
  }

  private instant(date: number, minutes: number): number {
    const key = date * 1441 + minutes;
    let instant = this.instants.get(key);
    if (instant === undefined) this.instants.set(key, (instant = instantOf(this.from!, date, minutes, this.fromOffsets!.at)));
    return instant;
  }

  private wall(instant: number): WallTime {
    let wall = this.walls.get(instant);
    if (!wall) this.walls.set(instant, (wall = wallTime(this.to!, instant, this.toOffsets!.at)));
    return wall;
  }
}

/** Sorted, with touching or overlapping spans joined. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const { start, end } of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}
