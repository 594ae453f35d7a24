// One push: mint a token, PUT, retry what is worth retrying, map the answer. Shared by the
// extension and the CLI so both send the same request and tell the same story.
import { checkCampaignId, HostError, normaliseHost, type Connection } from './connection';
import { secretsOf, type Credentials } from './credentials';
import { tokenFor } from './jwt';
import {
  networkErrorOutcome,
  outcomeFromResponse,
  unavailableOutcome,
  type OutcomeContext,
  type PushOutcome,
} from './outcome';
import { Redactor } from './redact';
import { buildPushRequest, type PushRequest } from './request';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelayMs, sleep, type RetryPolicy } from './retry';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Response bodies longer than this are cut in the log (the outcome keeps the whole body). */
const LOGGED_BODY_CHARS = 4000;

export interface PushInput {
  connection: Connection;
  credentials: Credentials;
  campaignId: string;
  /** The request body: the file's mapping without `campaignId` (the core's bodyFromCampaign builds it). */
  body: Record<string, unknown>;
}

export type PushProgress =
  | { kind: 'sending'; attempt: number; maxAttempts: number; message: string }
  | { kind: 'waiting'; nextAttempt: number; maxAttempts: number; delayMs: number; status: number; message: string };

export interface PushOptions {
  /** Per try, from sending to the last byte of the answer. */
  timeoutMs?: number;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  onProgress?: (progress: PushProgress) => void;
  /** Receives every log line, already redacted. */
  log?: (line: string) => void;
  /** `sub` of minted tokens. */
  subject?: string;
  fetch?: typeof globalThis.fetch;
  /** Environment consulted for unsafe TLS settings; defaults to process.env. */
  env?: Record<string, string | undefined>;
}

/** Why this environment cannot push safely, or undefined. */
export function unsafeEnvironment(env: Record<string, string | undefined>, loopback: boolean): string | undefined {
  if (!loopback && env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
    return 'NODE_TLS_REJECT_UNAUTHORIZED=0 is set, which turns off certificate checks; the token would go to whoever answers. Unset it to push.';
  }
  return undefined;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`.replace('.0 s', ' s');
}

/** The request a push would send, with a freshly minted token (used by --dry-run and the log). */
export async function preparePushRequest(input: PushInput, subject?: string): Promise<PushRequest> {
  const token = await tokenFor(input.credentials, { subject });
  return buildPushRequest(input.connection, input.campaignId, input.body, token);
}

export async function pushCampaign(input: PushInput, options: PushOptions = {}): Promise<PushOutcome> {
  const { connection, campaignId } = input;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const redactor = new Redactor(secretsOf(input.credentials));
  const log = (line: string) => options.log?.(redactor.text(line));
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const context: OutcomeContext = {
    connectionName: connection.name,
    campaignId,
    iid: connection.iid,
    campaignName: typeof input.body.name === 'string' ? input.body.name : undefined,
  };
  const refused = (message: string): PushOutcome => {
    log(`push refused: ${message}`);
    return { kind: 'refused', attempts: 0, message };
  };

  let host;
  try {
    host = normaliseHost(connection.host);
  } catch (error) {
    if (error instanceof HostError) return refused(`Connection ${connection.name}: ${error.message}`);
    throw error;
  }
  const badId = checkCampaignId(campaignId);
  if (badId) return refused(badId);
  // A browser has no environment (nor a way to turn certificate checks off).
  const unsafe = unsafeEnvironment(options.env ?? (typeof process === 'undefined' ? {} : process.env), host.loopback);
  if (unsafe) return refused(unsafe);

  const started = performance.now();
  const finish = (outcome: PushOutcome): PushOutcome => {
    outcome.durationMs = Math.round(performance.now() - started);
    if (outcome.responseBody !== undefined) outcome.responseBody = redactor.text(outcome.responseBody);
    outcome.message = redactor.text(outcome.message);
    return outcome;
  };
  const cancelled = (attempts: number): PushOutcome =>
    finish({
      kind: 'cancelled',
      attempts,
      message:
        attempts > 0
          ? 'Push cancelled. The request had already been sent, so the campaign may or may not have been updated.'
          : 'Push cancelled before anything was sent.',
    });

  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    if (options.signal?.aborted) return cancelled(attempt - 1);
    const token = await tokenFor(input.credentials, { subject: options.subject });
    redactor.add(token);
    const request = buildPushRequest(connection, campaignId, input.body, token);
    options.onProgress?.({
      kind: 'sending',
      attempt,
      maxAttempts: policy.maxAttempts,
      message: attempt === 1 ? `Sending to ${connection.name}...` : `Sending to ${connection.name} (try ${attempt} of ${policy.maxAttempts})...`,
    });
    log(`--> ${request.method} ${request.url} (try ${attempt} of ${policy.maxAttempts})`);
    for (const [name, value] of Object.entries(redactor.headers(request.headers))) log(`    ${name}: ${value}`);
    log(`    body: ${new TextEncoder().encode(request.body).length} bytes of JSON`);

    const timeoutSignal = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeoutSignal]) : timeoutSignal;
    const sentAt = performance.now();
    let status: number;
    let statusText: string;
    let bodyText: string;
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
      bodyText = await response.text();
    } catch (error) {
      const elapsed = Math.round(performance.now() - sentAt);
      if (options.signal?.aborted) {
        log(`<-- cancelled after ${elapsed} ms`);
        return cancelled(attempt);
      }
      if (timeoutSignal.aborted) {
        log(`<-- no answer within ${timeoutMs} ms: timed out`);
        return finish({
          kind: 'timeout',
          attempts: attempt,
          timeoutMs,
          message: `No answer from ${connection.name === host.origin ? host.origin : `${connection.name} (${host.origin})`} within ${seconds(timeoutMs)}; the push was abandoned. The campaign may or may not have been updated: push again or check it on the platform.`,
        });
      }
      const outcome = networkErrorOutcome(error, host.origin, host.loopback, attempt);
      log(`<-- network error after ${elapsed} ms: ${outcome.kind === 'network-error' && outcome.code ? outcome.code : (error as Error).message}`);
      return finish(outcome);
    }
    const elapsed = Math.round(performance.now() - sentAt);
    log(`<-- ${status}${statusText ? ` ${statusText}` : ''} in ${elapsed} ms${retryAfterHeader !== null ? ` (Retry-After: ${retryAfterHeader})` : ''}`);
    if (bodyText) log(`    response: ${bodyText.length > LOGGED_BODY_CHARS ? `${bodyText.slice(0, LOGGED_BODY_CHARS)}... (${bodyText.length} chars)` : bodyText}`);

    if (!isRetryableStatus(status)) return finish(outcomeFromResponse(status, bodyText, context, attempt));

    const retryAfterMs = parseRetryAfter(retryAfterHeader);
    if (attempt >= policy.maxAttempts) return finish(unavailableOutcome(status, bodyText, context, attempt, retryAfterMs));
    if (retryAfterMs !== undefined && retryAfterMs > policy.maxDelayMs) {
      log(`    Retry-After ${seconds(retryAfterMs)} is longer than the ${seconds(policy.maxDelayMs)} this push waits: giving up`);
      return finish(unavailableOutcome(status, bodyText, context, attempt, retryAfterMs, true));
    }
    const delayMs = retryDelayMs(attempt, policy, retryAfterMs);
    const reason = status === 429 ? 'rate-limited (HTTP 429)' : `HTTP ${status}`;
    const message = `${connection.name} ${reason}; try ${attempt + 1} of ${policy.maxAttempts} in ${seconds(delayMs)}`;
    log(`    ${message}${retryAfterMs !== undefined ? ' (as Retry-After asked)' : ''}`);
    options.onProgress?.({ kind: 'waiting', nextAttempt: attempt + 1, maxAttempts: policy.maxAttempts, delayMs, status, message });
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
