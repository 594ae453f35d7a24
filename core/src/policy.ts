// Calling-hours policy (US telemarketing: 47 CFR 64.1200(c)(1); FTC Telemarketing Sales Rule
// safe harbour for ring time). The platform evaluates windows in the campaign's `timezone`,
// so the curfew is checked in that zone, on the window's own times.
import { formatApiTime } from './time';

/** 8:00 AM, in minutes since midnight. */
export const CURFEW_EARLIEST = 8 * 60;
/** 9:00 PM. */
export const CURFEW_LATEST = 21 * 60;
/** Seconds a phone should ring before the call is abandoned. */
export const MIN_RING_SECONDS = 15;

export const CURFEW_TEXT = `${formatApiTime(CURFEW_EARLIEST)}-${formatApiTime(CURFEW_LATEST)}`;

/** The parts of a window outside the curfew, or undefined when it is inside. */
export function curfewBreach(start: number, end: number): { early: boolean; late: boolean } | undefined {
  const early = start < CURFEW_EARLIEST;
  const late = end > CURFEW_LATEST;
  return early || late ? { early, late } : undefined;
}
