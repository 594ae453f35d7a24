// The calling-hours week as data: what the editor's preview (a webview) and `kore-campaign hours`
// draw. Plain JSON (it is posted to the webview as is); every time is minutes since midnight,
// every zone an IANA name. Built by callingHoursWeek.ts.
import type { Range } from '../types';

export type DayCode = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export const WEEK_DAYS: readonly DayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A part of a row, minutes [start, end) with 0 <= start < end <= 1440. */
export interface Span {
  start: number;
  end: number;
}

export interface HoursRow {
  /** The weekday of the row, in the zone drawn. */
  day: DayCode;
  /** `2025-03-10`: this row's date in the week drawn. */
  date: string;
  /** `Mon 10 Mar`. */
  label: string;
  /**
   * Where the policy band (8 AM-9 PM in the campaign's zone) allows calls, on this row's clock;
   * empty when the policy group is off.
   */
  band: Span[];
}

export interface WindowFinding {
  code: 'window-overlap' | 'duplicate-window';
  /** The other window's index in `days`. */
  other: number;
  /** `later`: the diagnostic is on this window; `earlier`: on the other one. */
  role: 'later' | 'earlier';
  message: string;
}

/** One entry of `days` that could be drawn, in the campaign's own terms. */
export interface HoursWindow {
  /** Its index in `days`. */
  index: number;
  day: DayCode;
  start: number;
  end: number;
  /** `MO 9:00 AM-6:00 PM`, as written (in the campaign's zone). */
  text: string;
  /** Where it is in the file (0-based lines), for a click to go to. */
  range?: Range;
  /** Overlaps and repeats, the findings of the window-overlap rule (unless the settings turn them off). */
  findings: WindowFinding[];
  /** The parts before 8 AM or after 9 PM (campaign time), when the policy group is on. */
  curfew?: { early: boolean; late: boolean };
}

/** A window as drawn on one row: a window crossing midnight in the zone drawn is two blocks. */
export interface HoursBlock {
  /** Position in `windows`. */
  window: number;
  /** 0 = Monday .. 6 = Sunday, in the zone drawn. */
  row: number;
  start: number;
  end: number;
  /** `3:30 AM`, `12:00 AM` (midnight at the end of the row), on the clock drawn. */
  startText: string;
  endText: string;
  /** The window began on the row before (it crosses midnight on this clock). */
  fromPreviousDay: boolean;
  /** The window goes on past midnight into the next row. */
  toNextDay: boolean;
  /** The block falls on the week before (-1) or after (1) the one drawn: the weekly timetable wraps around. */
  otherWeek?: -1 | 1;
  /** Parts of the block outside the policy band (on the clock drawn), when the policy group is on. */
  outside: Span[];
}

export interface DstShift {
  /** The clock the campaign's windows move on. */
  zone: string;
  /** Minutes they move by (positive: later on that clock). */
  minutes: number;
}

export interface DstChange {
  zone: string;
  /** Whose zone: the campaign's, or the viewer's (or the zone drawn, when that is another). */
  role: 'campaign' | 'viewer';
  /** The instant of the change (ISO). */
  at: string;
  /** `2025-03-09`, in that zone. */
  date: string;
  /** Weeks from the week of `now` to the week of the change (the week to draw to see it). */
  week: number;
  fromOffset: number;
  toOffset: number;
  /** How the campaign's windows move on the other clocks (none when they stay put). */
  shifts: DstShift[];
  /** The whole fact in a sentence. */
  text: string;
}

/** What could not be drawn (an entry with errors, a missing or unknown time zone), and why. */
export interface NotDrawn {
  /** `dialingStrategy.callingHours.days[3]`. */
  path: string;
  index?: number;
  range?: Range;
  message: string;
}

export interface CallingHoursWeek {
  campaignName?: string;
  /** The campaign's `timezone`, when it is one the runtime knows. */
  campaignZone?: string;
  /** The zone the grid is drawn in; undefined: drawn as written, not converted (no usable campaign zone). */
  viewZone?: string;
  /** The monday of the week drawn (`2025-03-10`), in the campaign's zone. */
  weekStart: string;
  /** Weeks from the week of `now`. */
  week: number;
  rows: HoursRow[];
  windows: HoursWindow[];
  blocks: HoursBlock[];
  /** The policy band, in the campaign's zone, when the policy group is on. */
  curfew?: { start: number; end: number; text: string };
  /** Offset changes of the campaign's and the viewer's zones in the 12 weeks from the start of the week drawn. */
  dst: DstChange[];
  notDrawn: NotDrawn[];
  /** Which clock the platform uses for whom (PLATFORM-API.md, "Which clock"). */
  notes: string[];
}
