// From an HTTP answer (or its absence) to what the user is told. The extension and the CLI
// print these messages as they are, so both say the same thing for the same failure.

export interface PlatformError {
  message: string;
  /** The field as the platform named it. */
  field?: string;
  code?: string | number;
}

export interface CampaignSummary {
  id?: string;
  name?: string;
  status?: string;
  createdAt?: string;
  updatedAt?: string;
}

interface Common {
  /** One sentence (or a few) that says what happened and what to do next. */
  message: string;
  /** Tries made (0 when nothing was sent). */
  attempts: number;
  /** The last HTTP status, when there was one. */
  status?: number;
  /** The last response body, verbatim (already redacted). */
  responseBody?: string;
  durationMs?: number;
}

export type PushOutcome =
  | (Common & { kind: 'success'; status: number; campaign: CampaignSummary; platformMessage?: string })
  | (Common & { kind: 'invalid'; status: 400; errors: PlatformError[] })
  | (Common & { kind: 'credentials-rejected'; status: 401 | 403; errors: PlatformError[] })
  | (Common & { kind: 'not-found'; status: 404; errors: PlatformError[] })
  /** 429 or 502/503/504 on every try, or a Retry-After too long to wait out. */
  | (Common & { kind: 'unavailable'; status: number; retryAfterMs?: number })
  | (Common & { kind: 'http-error'; status: number; errors: PlatformError[] })
  | (Common & { kind: 'network-error'; code?: string; tls: boolean })
  | (Common & { kind: 'timeout'; timeoutMs: number })
  | (Common & { kind: 'cancelled' })
  /** Refused before sending: bad host, bad campaign id, unsafe environment. */
  | (Common & { kind: 'refused' });

export type OutcomeKind = PushOutcome['kind'];

/** The messages in an error body, in any of the shapes Kore.ai APIs use. */
export function platformErrors(body: unknown): PlatformError[] {
  if (!body || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  const list = Array.isArray(record.errors) ? record.errors : Array.isArray(record.error) ? record.error : undefined;
  const out: PlatformError[] = [];
  if (list) {
    for (const item of list) {
      if (typeof item === 'string') {
        out.push({ message: item });
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const entry = item as Record<string, unknown>;
      const message = firstString(entry.msg, entry.message, entry.error, entry.description) ?? JSON.stringify(entry);
      const field = firstString(entry.field, entry.path, entry.param, entry.key);
      const code = typeof entry.code === 'string' || typeof entry.code === 'number' ? entry.code : undefined;
      const error: PlatformError = { message };
      if (field) error.field = field;
      if (code !== undefined) error.code = code;
      out.push(error);
    }
    return out;
  }
  const single = firstString(record.message, record.msg, record.error);
  return single ? [{ message: single }] : [];
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value.trim()) return value;
  return undefined;
}

export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function campaignSummary(body: unknown): CampaignSummary {
  const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const data = (record.data && typeof record.data === 'object' ? record.data : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    id: str(data.id) ?? str(record.id),
    name: str(data.name),
    status: str(data.status),
    createdAt: str(data.createdAt),
    updatedAt: str(data.updatedAt),
  };
}

export interface OutcomeContext {
  /** The connection's display name. */
  connectionName: string;
  campaignId: string;
  /** The campaign name from the file, used when the answer does not echo one. */
  campaignName?: string;
  iid: string;
}

const BODY_SHOWN = 500;

function verbatim(body: string | undefined): string {
  if (!body) return '';
  const trimmed = body.trim();
  return trimmed.length > BODY_SHOWN ? `${trimmed.slice(0, BODY_SHOWN)}...` : trimmed;
}

/** End with exactly one full stop, whatever the platform's message ended with. */
function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function listErrors(errors: PlatformError[], body: string | undefined): string {
  if (errors.length === 0) return body?.trim() ? `: ${verbatim(body)}` : '';
  return `: ${errors.map((e) => (e.field ? `${e.message} (${e.field})` : e.message)).join('; ')}`;
}

/** Map a complete HTTP answer that will not be retried to an outcome. */
export function outcomeFromResponse(status: number, bodyText: string, context: OutcomeContext, attempts: number): PushOutcome {
  const json = tryParseJson(bodyText);
  const errors = platformErrors(json);
  const common = { attempts, status, responseBody: bodyText };
  const where = context.connectionName;
  if (status >= 200 && status < 300) {
    const campaign = campaignSummary(json);
    const record = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
    if (json === undefined || (typeof record.status === 'string' && record.status !== 'success')) {
      return {
        ...common,
        kind: 'http-error',
        errors,
        message: `${where} answered HTTP ${status} but not with the documented success body, so the push may not have been applied: ${verbatim(bodyText) || '(empty body)'}`,
      };
    }
    const name = campaign.name ?? context.campaignName ?? context.campaignId;
    const details = [campaign.status ? `status ${campaign.status}` : undefined, campaign.updatedAt ? `updated ${campaign.updatedAt}` : undefined]
      .filter(Boolean)
      .join(', ');
    return {
      ...common,
      kind: 'success',
      status,
      campaign,
      platformMessage: typeof record.message === 'string' ? record.message : undefined,
      message: `Pushed '${name}' to ${where}${details ? ` (${details})` : ''}.`,
    };
  }
  if (status === 400) {
    const count = errors.length;
    return {
      ...common,
      kind: 'invalid',
      status,
      errors,
      message: `${where} refused the campaign (HTTP 400)${count > 1 ? `, ${count} problems` : ''}${listErrors(errors, bodyText)}`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      ...common,
      kind: 'credentials-rejected',
      status,
      errors,
      message: `${endSentence(`${where} rejected the credentials (HTTP ${status})${listErrors(errors, bodyText)}`)} Check the Client ID and Client Secret (or the JWT), that the app has the Campaign Management scope, and that IID ${context.iid} and the account id belong to it.`,
    };
  }
  if (status === 404) {
    return {
      ...common,
      kind: 'not-found',
      status,
      errors,
      message: `${endSentence(`No campaign ${context.campaignId} on ${where} (HTTP 404)${listErrors(errors, bodyText)}`)} Check the campaignId, and that ${where} (IID ${context.iid}) is where the campaign lives.`,
    };
  }
  if (status >= 300 && status < 400) {
    return {
      ...common,
      kind: 'http-error',
      errors,
      message: `${where} answered with a redirect (HTTP ${status}); it was not followed because it would carry the token elsewhere. Check the connection's host.`,
    };
  }
  return {
    ...common,
    kind: 'http-error',
    errors,
    message: endSentence(`${where} answered HTTP ${status}${listErrors(errors, bodyText)}`),
  };
}

/** The message after the last retryable answer (429/502/503/504). */
export function unavailableOutcome(
  status: number,
  bodyText: string,
  context: OutcomeContext,
  attempts: number,
  retryAfterMs?: number,
  tooLongToWait = false,
): PushOutcome {
  const what = status === 429 ? `rate-limited the push (HTTP 429)` : `is unavailable (HTTP ${status})`;
  const later = retryAfterMs !== undefined ? ` It asked to wait ${Math.ceil(retryAfterMs / 1000)} s.` : '';
  const message = tooLongToWait
    ? `${context.connectionName} ${what} and asked to wait ${Math.ceil((retryAfterMs ?? 0) / 1000)} s, longer than this push waits. Try again later.`
    : `${context.connectionName} ${what}; gave up after ${attempts} ${attempts === 1 ? 'try' : 'tries'}.${later} Try again later.`;
  return { kind: 'unavailable', status, attempts, responseBody: bodyText, retryAfterMs, message };
}

const TLS_CODES = /^(?:CERT_|ERR_TLS_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|ERR_SSL_|HOSTNAME_MISMATCH)/;

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed unexpectedly',
  EPIPE: 'connection closed unexpectedly',
};

/** The `code` of a fetch failure, digging through `cause` and AggregateError. */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const record = current as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof record.code === 'string' && record.code !== 'ERR_INVALID_STATE') return record.code;
    if (Array.isArray(record.errors) && record.errors.length) current = record.errors[0];
    else current = record.cause;
  }
  return undefined;
}

/**
 * In a browser, fetch fails with a bare `TypeError` (no code, no cause) when the request never
 * got an answer it may read: most often a server that does not allow this page's origin
 * (CORS), also an unreachable host. Node's fetch failures always carry a code in `cause`.
 */
export function isBrowserFetchFailure(error: unknown): boolean {
  return typeof process === 'undefined' && error instanceof TypeError && networkErrorCode(error) === undefined;
}

export function networkErrorOutcome(error: unknown, origin: string, loopback: boolean, attempts: number): PushOutcome {
  const code = networkErrorCode(error);
  if (isBrowserFetchFailure(error)) {
    return {
      kind: 'network-error',
      code: 'BROWSER_FETCH_BLOCKED',
      tls: false,
      attempts,
      message:
        `The browser could not reach ${origin}: it refused the request or did not answer, most likely because it does not allow requests from this web page (CORS). Nothing was pushed. ` +
        'Pushing from VS Code in the browser needs a platform that allows this origin; otherwise push from desktop VS Code or the CLI (`kore-campaign push`).',
    };
  }
  const tls = code !== undefined && TLS_CODES.test(code);
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') {
    const plain = loopback ? ` The local sandbox speaks plain http: use ${origin.replace(/^https:/, 'http:')}.` : ' Check the host and port.';
    return {
      kind: 'network-error',
      code,
      tls: true,
      attempts,
      message: `${origin} does not speak TLS (https) on that port (${code}); nothing was pushed.${plain}`,
    };
  }
  if (tls) {
    return {
      kind: 'network-error',
      code,
      tls,
      attempts,
      message: `The TLS certificate of ${origin} was not accepted (${code}); nothing was pushed. Certificate errors are never ignored: fix the certificate or the host name.`,
    };
  }
  const words = code ? NETWORK_WORDS[code] ?? code : (error as Error)?.message ?? String(error);
  const hint = loopback
    ? ' Is the local sandbox running? Start it with `kore-campaign sandbox`.'
    : ' Check the host name and your network or proxy.';
  return {
    kind: 'network-error',
    code,
    tls,
    attempts,
    message: `Could not reach ${origin}: ${words}${code && NETWORK_WORDS[code] ? ` (${code})` : ''}.${hint}`,
  };
}
