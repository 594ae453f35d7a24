// The one request pipeline every call goes through: a fresh token per try, the request log
// (redacted), a timeout per try, cancellation, retries of what is worth retrying, and the
// mapping of what came back. Push, get, list and create differ only in the call they send and
// in how they read a complete answer.
import { isRateLimitRefusal } from './answers';
import type { ApiCall } from './apiV1';
import { checkCampaignId, HostError, normaliseHost, type Connection } from './connection';
import { secretsOf, type Credentials } from './credentials';
import { tokenFor } from './jwt';
import {
  cancelledOutcome,
  rateLimitNotSentOutcome,
  responseTooLargeOutcome,
  seconds,
  timeoutOutcome,
  unavailableOutcome,
} from './messages';
import { networkErrorOutcome } from './networkMessages';
import type { OutcomeCommon, OutcomeContext, PlatformFailure } from './outcome';
import { Redactor } from './redact';
import { buildRequest } from './request';
import { RATE_WINDOW_MS, RateLimitNotLifted, type BudgetWait, type RequestBudget } from './requestBudget';
import { describeBytes, MAX_RESPONSE_BYTES, readResponseText } from './responseBody';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, RETRYABLE_STATUSES, retryDelayMs, sleep, type RetryPolicy } from './retry';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Response bodies longer than this are cut in the log (the outcome keeps the whole body). */
const LOGGED_BODY_CHARS = 4000;

export type RequestProgress =
  | { kind: 'sending'; attempt: number; maxAttempts: number; message: string }
  /** This request waits to try again; `rateLimited` when the platform's rate limit refused it. */
  | { kind: 'waiting'; nextAttempt: number; maxAttempts: number; delayMs: number; status: number; message: string; rateLimited?: boolean }
  /** Held by the account's request budget before it is sent: its share is spent, or another request was refused. */
  | { kind: 'paced'; reason: BudgetWait['reason']; delayMs: number; message: string };

export interface RequestOptions {
  /** Per try, from sending to the last byte of the answer. */
  timeoutMs?: number;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  onProgress?: (progress: RequestProgress) => void;
  /** Receives every log line, already redacted. */
  log?: (line: string) => void;
  /** `sub` of minted tokens. */
  subject?: string;
  fetch?: typeof globalThis.fetch;
  /** Answers longer than this are not read (see responseBody.ts); for tests. */
  maxResponseBytes?: number;
  /** Environment consulted for unsafe TLS settings; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /**
   * The account's budget, shared by every call of a run (CLI) or a connection (editor): paces
   * them under the platform's rate limit, and a refusal holds all of them (requestBudget.ts).
   * Without one, nothing is paced and a refusal without Retry-After waits a whole minute.
   */
  budget?: RequestBudget;
}

export interface CallInput {
  connection: Connection;
  credentials: Credentials;
  call: ApiCall;
  context: OutcomeContext;
}

/** Statuses a call retries; create narrows this (a 5xx may have created the campaign). */
export type RetryableStatuses = ReadonlySet<number>;

/** Why this environment cannot call the platform safely, or undefined. */
export function unsafeEnvironment(env: Record<string, string | undefined>, loopback: boolean): string | undefined {
  if (!loopback && env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
    return 'NODE_TLS_REJECT_UNAUTHORIZED=0 is set, which turns off certificate checks; the token would go to whoever answers. Unset it to push.';
  }
  return undefined;
}

/**
 * Send `input.call` until it gets an answer that is not retried, then let `readAnswer` turn it
 * into an outcome. Every outcome's message and body are redacted before they are returned.
 */
export async function runCall<T extends OutcomeCommon>(
  input: CallInput,
  options: RequestOptions,
  readAnswer: (status: number, bodyText: string, attempts: number) => T | PlatformFailure,
  retryable: RetryableStatuses = RETRYABLE_STATUSES,
): Promise<T | PlatformFailure> {
  const { connection, context } = input;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const redactor = new Redactor(secretsOf(input.credentials));
  const log = (line: string) => options.log?.(redactor.text(line));
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const refused = (message: string): PlatformFailure => {
    log(`${context.action ?? 'push'} refused: ${message}`);
    return { kind: 'refused', attempts: 0, message };
  };

  let host;
  try {
    host = normaliseHost(connection.host);
  } catch (error) {
    if (error instanceof HostError) return refused(`Connection ${connection.name}: ${error.message}`);
    throw error;
  }
  const badId = context.campaignId !== undefined ? checkCampaignId(context.campaignId) : undefined;
  if (badId) return refused(badId);
  // A browser has no environment (nor a way to turn certificate checks off).
  const unsafe = unsafeEnvironment(options.env ?? (typeof process === 'undefined' ? {} : process.env), host.loopback);
  if (unsafe) return refused(unsafe);

  const started = performance.now();
  const maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  // Every string of the outcome is redacted (the platform's error messages, the campaign it
  // sent, not only the summary line): the editor and the CLI print them as they are.
  const finish = <O extends OutcomeCommon>(outcome: O): O => {
    outcome.durationMs = Math.round(performance.now() - started);
    return redactor.deep(outcome);
  };
  const cancelled = (attempts: number) => finish(cancelledOutcome(context, attempts));
  const { budget } = options;
  // A refused request announces its own wait (a 'waiting' event); the budget's hold is that wait.
  let announced = false;
  const onBudgetWait = (wait: BudgetWait) => {
    // A wait shorter than a tenth of a second is latency, not news ("Waiting 0 s").
    if (announced || !budget || wait.ms < 100) return;
    const message =
      wait.reason === 'pacing'
        ? `Waiting ${seconds(wait.ms)} for ${connection.name}'s rate limit (${budget.describe()})`
        : `Waiting ${seconds(wait.ms)} for ${connection.name}'s rate limit to lift (a request was refused)`;
    log(`    ${message}`);
    options.onProgress?.({ kind: 'paced', reason: wait.reason, delayMs: wait.ms, message });
  };
  let rateLimitWaitedMs = 0;

  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    if (options.signal?.aborted) return cancelled(attempt - 1);
    let release: ((sent?: boolean) => void) | undefined;
    try {
      release = await budget?.take(options.signal, onBudgetWait);
    } catch (error) {
      if (error instanceof RateLimitNotLifted) return finish(rateLimitNotSentOutcome(context, attempt - 1));
      log('<-- cancelled while waiting for the rate limit');
      return cancelled(attempt - 1);
    }
    announced = false;
    let request: ReturnType<typeof buildRequest>;
    try {
      const token = await tokenFor(input.credentials, { subject: options.subject });
      redactor.add(token);
      request = buildRequest(connection, input.call, token);
    } catch (error) {
      // Nothing was sent: the slot goes back at once.
      release?.(false);
      throw error;
    }
    options.onProgress?.({
      kind: 'sending',
      attempt,
      maxAttempts: policy.maxAttempts,
      message:
        attempt === 1 ? `Sending to ${connection.name}...` : `Sending to ${connection.name} (try ${attempt} of ${policy.maxAttempts})...`,
    });
    log(`--> ${request.method} ${request.url} (try ${attempt} of ${policy.maxAttempts})`);
    for (const [name, value] of Object.entries(redactor.headers(request.headers))) log(`    ${name}: ${value}`);
    if (request.body !== undefined) log(`    body: ${new TextEncoder().encode(request.body).length} bytes of JSON`);

    const timeoutSignal = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeoutSignal]) : timeoutSignal;
    const sentAt = performance.now();
    let status: number;
    let statusText: string;
    let bodyText: string | undefined;
    let retryAfterHeader: string | null;
    try {
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
        // A redirect would re-send the `auth` header to wherever it points; never follow one.
        redirect: 'manual',
      });
      status = response.status;
      statusText = response.statusText;
      retryAfterHeader = response.headers.get('retry-after');
      ({ text: bodyText } = await readResponseText(response, maxResponseBytes));
    } catch (error) {
      release?.();
      const elapsed = Math.round(performance.now() - sentAt);
      if (options.signal?.aborted) {
        log(`<-- cancelled after ${elapsed} ms`);
        return cancelled(attempt);
      }
      if (timeoutSignal.aborted) {
        log(`<-- no answer within ${timeoutMs} ms: timed out`);
        return finish(timeoutOutcome(context, host.origin, timeoutMs, attempt));
      }
      const outcome = networkErrorOutcome(error, host.origin, host.loopback, attempt, context);
      log(
        `<-- network error after ${elapsed} ms: ${outcome.kind === 'network-error' && outcome.code ? outcome.code : (error as Error).message}`,
      );
      return finish(outcome);
    }
    // The slot counts from now for a whole window: the platform has surely counted the request by now.
    release?.();
    const elapsed = Math.round(performance.now() - sentAt);
    log(
      `<-- ${status}${statusText ? ` ${statusText}` : ''} in ${elapsed} ms${retryAfterHeader !== null ? ` (Retry-After: ${retryAfterHeader})` : ''}`,
    );
    if (bodyText === undefined) {
      log(`    response: more than ${describeBytes(maxResponseBytes)}: not read further`);
      return finish(responseTooLargeOutcome(status, context, attempt, describeBytes(maxResponseBytes)));
    }
    if (bodyText)
      log(
        `    response: ${bodyText.length > LOGGED_BODY_CHARS ? `${bodyText.slice(0, LOGGED_BODY_CHARS)}... (${bodyText.length} chars)` : bodyText}`,
      );

    const refusal = isRateLimitRefusal(status, bodyText);
    if (!refusal && !retryable.has(status)) return finish(readAnswer(status, bodyText, attempt));

    const retryAfterMs = parseRetryAfter(retryAfterHeader);
    const waitedMs = refusal ? rateLimitWaitedMs : undefined;
    if (attempt >= policy.maxAttempts) {
      // A limit that did not lift: the rest of the run stops too, rather than each request waiting again.
      if (refusal) budget?.giveUp();
      return finish(unavailableOutcome(status, bodyText, context, attempt, retryAfterMs, false, waitedMs));
    }
    if (retryAfterMs !== undefined && retryAfterMs > policy.maxDelayMs) {
      log(
        `    Retry-After ${seconds(retryAfterMs)} is longer than the ${seconds(policy.maxDelayMs)} this ${context.action ?? 'push'} waits: giving up`,
      );
      return finish(unavailableOutcome(status, bodyText, context, attempt, retryAfterMs, true, waitedMs));
    }
    const next = `try ${attempt + 1} of ${policy.maxAttempts}`;
    let delayMs: number;
    let message: string;
    if (refusal) {
      // About the account, not this request: every request sharing the budget waits it out.
      delayMs = budget ? budget.refused(retryAfterMs) : (retryAfterMs ?? RATE_WINDOW_MS);
      rateLimitWaitedMs += delayMs;
      message =
        retryAfterMs !== undefined
          ? `${connection.name} rate-limited (HTTP ${status}); ${next} in ${seconds(delayMs)}`
          : `${connection.name} refused the request: its rate limit was reached (HTTP ${status}, no Retry-After); waiting ${seconds(delayMs)} for the limit's window to pass, then ${next}`;
    } else {
      delayMs = retryDelayMs(attempt, policy, retryAfterMs);
      message = `${connection.name} HTTP ${status}; ${next} in ${seconds(delayMs)}`;
    }
    log(`    ${message}${retryAfterMs !== undefined ? ' (as Retry-After asked)' : ''}`);
    options.onProgress?.({
      kind: 'waiting',
      nextAttempt: attempt + 1,
      maxAttempts: policy.maxAttempts,
      delayMs,
      status,
      message,
      ...(refusal ? { rateLimited: true } : {}),
    });
    if (refusal && budget) {
      // The next take() waits out the budget's hold; this request has said so already.
      announced = true;
      continue;
    }
    try {
      await sleep(delayMs, options.signal);
    } catch {
      log('<-- cancelled while waiting to retry');
      return cancelled(attempt);
    }
  }
  // The loop always returns; this satisfies the compiler.
  throw new Error('unreachable');
}
