import type { ValidationContext } from '../context';
import { CALLING_DAYS, valueAt } from '../fieldPaths';

/** A check JSON Schema cannot express. Each rule reads the campaign and reports through the context. */
export interface CampaignRule {
  /** The diagnostic codes this rule can produce (settings turn them off or change severity). */
  readonly codes: readonly string[];
  check(context: ValidationContext): void;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `days` entries that are mappings, with their index in the list. */
export function callingWindows(campaign: Record<string, unknown>): { index: number; day: unknown; start: unknown; end: unknown }[] {
  const days = valueAt(campaign, CALLING_DAYS);
  if (!Array.isArray(days)) return [];
  const out = [];
  for (let index = 0; index < days.length; index++) {
    const entry = days[index];
    if (isRecord(entry)) out.push({ index, day: entry.day, start: entry.start, end: entry.end });
  }
  return out;
}
