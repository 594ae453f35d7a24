// The account's request budget: Kore.ai allows 60 campaign-API requests a minute per account,
// counted over a rolling sixty-second window (page rate-limit-ccai), and documents neither the
// status of a refusal nor a Retry-After. So requests are paced BEFORE the platform refuses: one
// budget is shared by every request of a CLI run, or of an editor connection, however many run
// at once. A request holds a slot from the moment it is sent until its answer has arrived, and
// the slot counts for a whole window after that: whatever delay the network adds, the platform
// never sees more than the limit inside any window of its own. A refusal holds every request
// until the window has passed. Pure: the clock is passed in, so tests run it without waiting.
import { normaliseHost } from './connection';

/** The documented limit: 60 requests a minute per account. */
export const DEFAULT_REQUESTS_PER_MINUTE = 60;
export const RATE_WINDOW_MS = 60_000;
/** Settings and the environment are clamped to this (a custom limit agreed with Kore.ai support can be higher than 60). */
export const MAX_REQUESTS_PER_MINUTE = 10_000;

export interface BudgetClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function systemSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const SYSTEM_CLOCK: BudgetClock = { now: () => performance.now(), sleep: systemSleep };

export interface BudgetOptions {
  /** Requests allowed in any window (default 60). */
  requests?: number;
  /** The window, in ms (default 60 s; tests against a scaled-down sandbox use less). */
  windowMs?: number;
  clock?: BudgetClock;
}

/** Why a request waits before it is sent: its share of the budget is spent, or the platform refused one. */
export interface BudgetWait {
  reason: 'pacing' | 'refused';
  ms: number;
}

/** Thrown by take() after a request of this budget gave up on a rate limit that did not lift. */
export class RateLimitNotLifted extends Error {
  override readonly name = 'RateLimitNotLifted';
}

/** `requests` as a whole number within 1..MAX_REQUESTS_PER_MINUTE; anything unreadable is the default. */
export function clampRequestsPerMinute(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  if (!Number.isFinite(n)) return DEFAULT_REQUESTS_PER_MINUTE;
  return Math.min(MAX_REQUESTS_PER_MINUTE, Math.max(1, Math.floor(n)));
}

export class RequestBudget {
  readonly windowMs: number;
  private limit: number;
  private readonly clock: BudgetClock;
  /** When each finished request's answer arrived (ascending), for as long as it counts. */
  private readonly finished: number[] = [];
  private inFlight = 0;
  private pausedUntil = 0;
  private gaveUpAt: number | undefined;
  private releaseWaiters: (() => void)[] = [];

  constructor(options: BudgetOptions = {}) {
    this.limit = Math.max(1, Math.floor(options.requests ?? DEFAULT_REQUESTS_PER_MINUTE));
    this.windowMs = Math.max(1, options.windowMs ?? RATE_WINDOW_MS);
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  get requests(): number {
    return this.limit;
  }

  /** A new limit (a changed setting) applies to the next request. */
  setRequests(requests: number): void {
    this.limit = Math.max(1, Math.floor(requests));
    this.wake();
  }

  /** "60 requests a minute", "60 requests per 2 s": for the messages. */
  describe(): string {
    const per = this.windowMs === RATE_WINDOW_MS ? 'a minute' : `per ${Math.round(this.windowMs / 100) / 10} s`;
    return `${this.limit} request${this.limit === 1 ? '' : 's'} ${per}`;
  }

  /**
   * Wait for a slot, then hold it: resolves with the function that gives it back (call it once
   * the answer has arrived, or the request failed; with `false` when nothing was sent after all). `onWait` hears each wait before it starts.
   * Rejects with the signal's reason when cancelled, with RateLimitNotLifted within a window of
   * a request that gave up (the rest of that run fails at once instead of each waiting again).
   */
  async take(signal?: AbortSignal, onWait?: (wait: BudgetWait) => void): Promise<(sent?: boolean) => void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const now = this.clock.now();
      if (this.gaveUpAt !== undefined && now - this.gaveUpAt < this.windowMs)
        throw new RateLimitNotLifted('the rate limit did not lift for an earlier request');
      this.forget(now);
      if (this.pausedUntil > now) {
        const ms = this.pausedUntil - now;
        onWait?.({ reason: 'refused', ms });
        await this.clock.sleep(ms, signal);
        continue;
      }
      const used = this.inFlight + this.finished.length;
      if (used < this.limit) {
        this.inFlight++;
        let released = false;
        return (sent = true) => {
          if (released) return;
          released = true;
          this.inFlight--;
          if (sent) this.finished.push(this.clock.now());
          this.wake();
        };
      }
      // The oldest finished slots leave the window first; with every slot in flight, wait for an answer.
      const freeing = this.finished[used - this.limit];
      if (freeing === undefined) await this.nextRelease(signal);
      else {
        const ms = Math.max(1, freeing + this.windowMs - now);
        onWait?.({ reason: 'pacing', ms });
        await this.clock.sleep(ms, signal);
      }
    }
  }

  /** The platform refused a request: hold every request for `retryAfterMs` (its word) or a whole window. */
  refused(retryAfterMs?: number): number {
    const ms = retryAfterMs ?? this.windowMs;
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    return ms;
  }

  /** A request gave up on the rate limit: the others of this run stop too, for a window. */
  giveUp(): void {
    this.gaveUpAt = this.clock.now();
    this.wake();
  }

  /** How long the next request would wait now (0: it may go), for status lines. */
  get waitMs(): number {
    const now = this.clock.now();
    this.forget(now);
    if (this.pausedUntil > now) return this.pausedUntil - now;
    const used = this.inFlight + this.finished.length;
    if (used < this.limit) return 0;
    const freeing = this.finished[used - this.limit];
    return freeing === undefined ? Infinity : Math.max(0, freeing + this.windowMs - now);
  }

  private forget(now: number): void {
    let gone = 0;
    while (gone < this.finished.length && this.finished[gone] + this.windowMs <= now) gone++;
    if (gone) this.finished.splice(0, gone);
  }

  private wake(): void {
    const waiters = this.releaseWaiters;
    this.releaseWaiters = [];
    for (const wake of waiters) wake();
  }

  private nextRelease(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.releaseWaiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }
}

/** The account a connection speaks for: the limit is per account, whichever app (IID) calls. */
export function accountKey(connection: { host: string; accountId: string }): string {
  let origin: string;
  try {
    origin = normaliseHost(connection.host).origin;
  } catch {
    // A host no request could go to: its calls are refused before they take a slot anyway.
    origin = connection.host.trim();
  }
  return `${origin} ${connection.accountId.trim()}`;
}

/** One budget per account for as long as the registry lives (the editor's session). */
export class RequestBudgets {
  private readonly budgets = new Map<string, RequestBudget>();

  constructor(private readonly options: Omit<BudgetOptions, 'requests'> = {}) {}

  /** The account's budget, created on first use; `requests` (the current setting) applies from now on. */
  for(connection: { host: string; accountId: string }, requests: number): RequestBudget {
    const key = accountKey(connection);
    let budget = this.budgets.get(key);
    if (!budget) this.budgets.set(key, (budget = new RequestBudget({ ...this.options, requests })));
    else if (budget.requests !== requests) budget.setRequests(requests);
    return budget;
  }
}
