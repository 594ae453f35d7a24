// Retry policy: only answers that say "try again later" are retried, never 4xx mistakes
// or network failures (a refused connection or bad certificate will not heal in seconds).
// No jitter: one user pushes one file, and predictable waits read better in the progress text.

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export interface RetryPolicy {
  /** Total tries, the first included. */
  maxAttempts: number;
  /** Wait before the second try; doubled for each later one. */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited out: the push stops and says when to try again. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 2000, maxDelayMs: 60_000 };

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** A longer Retry-After is read as this: a push never waits it out anyway, and the message stays a number. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** An HTTP date as RFC 9110 allows it (IMF-fixdate, RFC 850, asctime): a day or month name, never a bare number. */
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or
 * unreadable (`-5`, `1.5`: Date.parse would read those as dates long past, meaning "at once").
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  if (!HTTP_DATE.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

/** How long to wait after failed try `attempt` (1-based): the server's word first, else exponential backoff. */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  return policy.baseDelayMs * 2 ** (attempt - 1);
}

/** A timer that an AbortSignal cuts short; rejects with the signal's reason. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
