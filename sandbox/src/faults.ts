// Switches that make the sandbox misbehave the way a real platform (or the proxy in front of it)
// can: error statuses, rate limits, slowness, non-JSON answers and partial reads.
import { HttpFailure, type SandboxAnswer } from './http';
import { RATE_LIMIT_MESSAGE } from './rateLimit';
import type { IdKey } from './store';

export interface SandboxFaults {
  /**
   * Answer the next `count` requests with `status` (default 503), optionally with Retry-After
   * and the error entries to put in the body (by default one generic message). With `method`,
   * only requests of that method take the fault (a push's PUT, not the GET that plans it).
   */
  failNext(count: number, status?: number, retryAfterSeconds?: number, errors?: { msg: string; field?: string }[], method?: string): void;
  /**
   * Answer the next `count` requests as the rate limit refuses: `status` (default 429) with the
   * documented message, and `Retry-After: retryAfterSeconds` (default 1; null sends none, as the
   * platform documents none).
   */
  rateLimitNext(count: number, retryAfterSeconds?: number | null, status?: number): void;
  /** Answer the next `count` requests with an HTML page (as a proxy or login wall would), status 200 by default. */
  nonJsonNext(count: number, status?: number): void;
  /** Answer the next `count` requests (of `method`, if given) with this JSON body and status (default 200), whatever they ask. */
  answerNext(count: number, body: unknown, status?: number, method?: string): void;
  /** Reads (get one) leave out fields, as the API page's sample does; `true` leaves out its usual three. */
  partialReads(fields: boolean | readonly string[]): void;
  /** Reads name the id `id` (the PUT's spelling) or `campId` instead of `_id`. */
  readIdAs(key: IdKey): void;
  /** List results name the id `_id` (the v2 page) or `campId` instead of `id` (the v1 page). */
  listIdAs(key: IdKey): void;
  /** Hold every answer (or only `method`'s) this long, on top of the start-up latency (0 turns it off). */
  setDelay(ms: number, method?: string): void;
  reset(): void;
}

/** What the page's sample omits: a read may lack these. */
export const PARTIAL_READ_FIELDS: readonly string[] = [
  'dialingStrategy.dialingOrder',
  'dialingStrategy.maxAttemptsPerRecord',
  'queue_name',
];

type QueuedFault = {
  status: number;
  retryAfterSeconds?: number;
  errors?: { msg: string; field?: string }[];
  html?: boolean;
  json?: { body: unknown };
  method?: string;
};

export class FaultState implements SandboxFaults {
  private readonly queued: QueuedFault[] = [];
  private delay = { ms: 0, method: undefined as string | undefined };
  omitted: readonly string[] = [];
  idKey: IdKey = '_id';
  listIdKey: IdKey = 'id';

  failNext(count: number, status = 503, retryAfterSeconds?: number, errors?: { msg: string; field?: string }[], method?: string): void {
    for (let i = 0; i < count; i++) this.queued.push({ status, retryAfterSeconds, errors, method });
  }
  rateLimitNext(count: number, retryAfterSeconds: number | null = 1, status = 429): void {
    const errors = [{ msg: RATE_LIMIT_MESSAGE }];
    for (let i = 0; i < count; i++) this.queued.push({ status, retryAfterSeconds: retryAfterSeconds ?? undefined, errors });
  }
  nonJsonNext(count: number, status = 200): void {
    for (let i = 0; i < count; i++) this.queued.push({ status, html: true });
  }
  answerNext(count: number, body: unknown, status = 200, method?: string): void {
    for (let i = 0; i < count; i++) this.queued.push({ status, json: { body: structuredClone(body) }, method });
  }
  partialReads(fields: boolean | readonly string[]): void {
    this.omitted = fields === true ? PARTIAL_READ_FIELDS : fields === false ? [] : fields;
  }
  readIdAs(key: IdKey): void {
    this.idKey = key;
  }
  listIdAs(key: IdKey): void {
    this.listIdKey = key;
  }
  setDelay(ms: number, method?: string): void {
    this.delay = { ms: Math.max(0, ms), method };
  }
  delayFor(method: string): number {
    return this.delay.method === undefined || this.delay.method === method ? this.delay.ms : 0;
  }
  reset(): void {
    this.queued.length = 0;
    this.delay = { ms: 0, method: undefined };
    this.omitted = [];
    this.idKey = '_id';
    this.listIdKey = 'id';
  }

  /** The answer the next queued fault forces, if any (throws for error statuses). */
  take(method: string): SandboxAnswer | undefined {
    const index = this.queued.findIndex((f) => f.method === undefined || f.method === method);
    if (index === -1) return undefined;
    const [fault] = this.queued.splice(index, 1);
    if (fault.json) return { status: fault.status, body: fault.json.body };
    if (fault.html) {
      return {
        status: fault.status,
        rawBody: { text: '<html><body><h1>Session expired</h1><p>Please sign in again.</p></body></html>', contentType: 'text/html' },
      };
    }
    throw new HttpFailure(
      fault.status,
      fault.errors ?? [{ msg: `Sandbox fault: HTTP ${fault.status}.` }],
      fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {},
    );
  }
}
