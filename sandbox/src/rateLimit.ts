// The platform's rate limit, as page rate-limit-ccai describes it: per account, over a rolling
// sixty-second window, 60 requests for every Campaign Management API; past it, requests fail
// with one documented message. Neither the HTTP status nor a Retry-After header is documented:
// the sandbox answers 429 (or the status it is told) with that message and no Retry-After, so a
// client that waits for a header it will never get is caught here, not in production.
import type { SandboxAnswer } from './http';

/** The page's words, verbatim. */
export const RATE_LIMIT_MESSAGE = "You've exceeded the per-minute rate limit. Please wait for sometime before retrying.";

export interface SandboxRateLimit {
  /** Requests accepted per window and account. */
  requests: number;
  /** The rolling window (60 s on the platform; tests scale it down, same shape). */
  windowMs: number;
  /** The refusal's status (default 429: the page does not say which). */
  status?: number;
}

export const PLATFORM_RATE_LIMIT: SandboxRateLimit = { requests: 60, windowMs: 60_000 };

export class RateLimiter {
  /** When each accepted request of an account arrived, oldest first, for as long as it counts. */
  private readonly accepted = new Map<string, number[]>();

  constructor(private limit: SandboxRateLimit | false) {}

  /** A new limit applies from the next request (what was accepted still counts). */
  set(limit: SandboxRateLimit | false): void {
    this.limit = limit;
  }

  get current(): SandboxRateLimit | false {
    return this.limit;
  }

  /** The refusal for a request of `account` arriving `now`, or undefined when it is within the limit (and counted). */
  admit(account: string, now: number): SandboxAnswer | undefined {
    if (!this.limit) return undefined;
    const times = this.accepted.get(account) ?? [];
    while (times.length && times[0] + this.limit.windowMs <= now) times.shift();
    this.accepted.set(account, times);
    if (times.length >= this.limit.requests) return { status: this.limit.status ?? 429, body: { errors: [{ msg: RATE_LIMIT_MESSAGE }] } };
    times.push(now);
    return undefined;
  }
}
