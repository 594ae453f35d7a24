// A run the platform's rate limit stopped: the requests that were never sent (or not tried again)
// after one gave up all say the same, so the report says it once, with what was done and what to do.
import type { PlatformFailure } from '../../platform/src';

/** A failure that only says "the rate limit did not lift for another request": shown once, in the ending. */
export function stoppedByRateLimit(failure: PlatformFailure | undefined): boolean {
  return failure?.kind === 'unavailable' && failure.rateLimited === 'not-sent';
}

/**
 * The closing line when the rate limit did not lift: `done` of `total` were handled (each named
 * above), the rest were not; nothing was lost. Undefined when no failure was the rate limit's.
 */
export function rateLimitEnding(
  command: string,
  failures: readonly (PlatformFailure | undefined)[],
  counts: { done: number; total: number; what: string },
): string | undefined {
  const limited = failures.filter((f) => f?.kind === 'unavailable' && f.rateLimited !== undefined);
  if (!limited.length) return undefined;
  const notDone = counts.total - counts.done;
  return (
    `kore-campaign ${command}: the platform's rate limit did not lift, so the run stopped: ${counts.done} of ${counts.total} ` +
    `${counts.what} (named above); the other ${notDone} ${notDone === 1 ? 'was' : 'were'} not (${limited.length} refused or not sent), and nothing was changed for them: ` +
    'run the same command again later. The limit is per account: if other tools use it at the same time, ' +
    'lower KORE_REQUESTS_PER_MINUTE for this run.\n'
  );
}
