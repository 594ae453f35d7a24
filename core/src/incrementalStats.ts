// How often a parse reused the previous tree, and why it could not: for tests and the benchmark.
// Kept in one mutable object so the bench can read and reset it between runs.

/** How often a parse reused the previous tree, for tests and the benchmark. */
export const incrementalParseStats = { spliced: 0, patched: 0, full: 0, fallbacks: {} as Record<string, number> };

/** Counts a fallback to a full parse (or a full compose) under `reason`; returns undefined for the caller to return. */
export function fallback(reason: string): undefined {
  incrementalParseStats.fallbacks[reason] = (incrementalParseStats.fallbacks[reason] ?? 0) + 1;
  return undefined;
}
