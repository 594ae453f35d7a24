// A strict local stand-in for the campaign API. Strict on purpose: anything the real
// platform might refuse (header names, a token signed with the wrong secret, a reused jti,
// an invalid body) is refused here too, so a push that works against the sandbox has a
// request that is right by the contract. Faults can be switched on to exercise retries.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify, errors as joseErrors } from 'jose';
import { validateText } from '../../core/src';
import { isLoopbackHostname } from '../../platform/src/connection';
import { API_BASE_PATH } from '../../platform/src/request';
import { CONTACT_LISTS_ROUTE, contactListsAnswer, missingContactLists, SANDBOX_CONTACT_LISTS, type SandboxContactList } from './contactLists';
import { SANDBOX_CAMPAIGN_IDS, SANDBOX_CREDENTIALS, SANDBOX_SEED_CAMPAIGN } from './defaults';

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only: the sandbox's credentials are public. */
  bindAddress?: string;
  clientId?: string;
  clientSecret?: string;
  iid?: string;
  accountId?: string;
  /** Campaign ids that exist at start (PUT needs an existing campaign). */
  campaignIds?: readonly string[];
  /** The account's contact lists (default SANDBOX_CONTACT_LISTS). */
  contactLists?: readonly SandboxContactList[];
  /** Refuse tokens without a fresh `jti` (as apps that enforce jti do). Default true. */
  requireJti?: boolean;
  /** One line per request, for the CLI. */
  log?: (line: string) => void;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  /** Header names lower-cased by Node, values as received. */
  headers: http.IncomingHttpHeaders;
  /** Header names as the client spelled them. */
  rawHeaderNames: string[];
  body: string;
  status?: number;
  responseBody?: string;
  receivedAt: number;
  respondedAt?: number;
}

export interface SandboxFaults {
  /**
   * Answer the next `count` requests with `status` (default 503), optionally with Retry-After
   * and the error entries to put in the body (by default one generic message).
   */
  failNext(count: number, status?: number, retryAfterSeconds?: number, errors?: { msg: string; field?: string }[]): void;
  /** Answer the next `count` requests with 429 and `Retry-After: retryAfterSeconds`. */
  rateLimitNext(count: number, retryAfterSeconds?: number): void;
  /** Hold every answer this long (0 turns it off). */
  setDelay(ms: number): void;
  reset(): void;
}

export interface StoredCampaign {
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface Sandbox {
  url: string;
  port: number;
  credentials: { clientId: string; clientSecret: string; iid: string; accountId: string };
  faults: SandboxFaults;
  requests: RecordedRequest[];
  campaigns: Map<string, StoredCampaign>;
  /** Edit in place to change what the next contact-list request returns. */
  contactLists: SandboxContactList[];
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const MAX_TOKEN_LIFETIME_SECONDS = 3600;
const ROUTE = new RegExp(`^${API_BASE_PATH.replace(/\//g, '\\/')}\\/([^/]+)\\/campaign\\/([^/]+)$`);

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly errors: { msg: string; field?: string }[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => e.msg).join('; '));
  }
}

const fail = (status: number, msg: string, field?: string) => new HttpFailure(status, [field ? { msg, field } : { msg }]);

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const bindAddress = options.bindAddress ?? '127.0.0.1';
  if (!isLoopbackHostname(bindAddress)) {
    throw new Error(`The sandbox listens on this machine only (its credentials are public); ${bindAddress} is not a loopback address.`);
  }
  const credentials = {
    clientId: options.clientId ?? SANDBOX_CREDENTIALS.clientId,
    clientSecret: options.clientSecret ?? SANDBOX_CREDENTIALS.clientSecret,
    iid: options.iid ?? SANDBOX_CREDENTIALS.iid,
    accountId: options.accountId ?? SANDBOX_CREDENTIALS.accountId,
  };
  const secretKey = new TextEncoder().encode(credentials.clientSecret);
  const requireJti = options.requireJti ?? true;
  const startedAt = new Date().toISOString();
  const campaigns = new Map<string, StoredCampaign>();
  for (const id of options.campaignIds ?? SANDBOX_CAMPAIGN_IDS) {
    campaigns.set(id, { data: storedShape(id, structuredClone(SANDBOX_SEED_CAMPAIGN) as Record<string, unknown>, startedAt, startedAt), createdAt: startedAt, updatedAt: startedAt });
  }
  const contactLists = structuredClone([...(options.contactLists ?? SANDBOX_CONTACT_LISTS)]);
  const usedJtis = new Set<string>();
  const requests: RecordedRequest[] = [];
  const queuedFaults: { status: number; retryAfterSeconds?: number; errors?: { msg: string; field?: string }[] }[] = [];
  let delayMs = 0;
  const stopping = new AbortController();

  const faults: SandboxFaults = {
    failNext(count, status = 503, retryAfterSeconds, errors) {
      for (let i = 0; i < count; i++) queuedFaults.push({ status, retryAfterSeconds, errors });
    },
    rateLimitNext(count, retryAfterSeconds = 1) {
      for (let i = 0; i < count; i++) queuedFaults.push({ status: 429, retryAfterSeconds });
    },
    setDelay(ms) {
      delayMs = Math.max(0, ms);
    },
    reset() {
      queuedFaults.length = 0;
      delayMs = 0;
    },
  };

  async function authenticate(req: http.IncomingMessage, pathIid: string): Promise<void> {
    const auth = req.headers.auth;
    if (typeof auth !== 'string' || !auth) {
      const hint = req.headers.authorization ? ' An Authorization header was sent instead: this API reads the JWT from a header named "auth".' : '';
      throw fail(401, `The auth header is missing.${hint}`);
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(auth, secretKey, { algorithms: ['HS256'], requiredClaims: ['iat', 'exp'] }));
    } catch (error) {
      const reason =
        error instanceof joseErrors.JWTExpired
          ? 'the token has expired'
          : error instanceof joseErrors.JWSSignatureVerificationFailed
            ? 'the signature does not match this app\'s client secret'
            : error instanceof joseErrors.JOSEAlgNotAllowed
              ? 'only HS256 tokens are accepted'
              : (error as Error).message;
      throw fail(401, `Invalid token: ${reason}.`);
    }
    if (payload.appId !== credentials.clientId) {
      throw fail(401, `Invalid token: appId ${JSON.stringify(payload.appId ?? null)} is not this app's client id.`);
    }
    if (typeof payload.sub !== 'string' || !payload.sub) throw fail(401, 'Invalid token: sub is missing.');
    if (typeof payload.exp === 'number' && typeof payload.iat === 'number' && payload.exp - payload.iat > MAX_TOKEN_LIFETIME_SECONDS) {
      throw fail(401, 'Invalid token: exp is more than one hour after iat.');
    }
    if (requireJti) {
      if (typeof payload.jti !== 'string' || !payload.jti) throw fail(401, 'Invalid token: this app requires a jti.');
      if (usedJtis.has(payload.jti)) throw fail(401, 'Invalid token: this jti has already been used.');
      usedJtis.add(payload.jti);
    }
    const iid = req.headers.iid;
    if (typeof iid !== 'string' || !iid) throw fail(400, 'The iid header is missing.');
    if (iid !== pathIid) throw fail(400, `The iid header (${iid}) differs from the application id in the path (${pathIid}).`);
    if (pathIid !== credentials.iid) throw fail(403, `This app is not authorised for application ${pathIid}.`);
    const accountId = req.headers.accountid;
    if (typeof accountId !== 'string' || !accountId) throw fail(400, 'The accountId header is missing.');
    if (accountId !== credentials.accountId) throw fail(403, `Account ${accountId} does not own application ${pathIid}.`);
  }

  function checkBody(req: http.IncomingMessage, query: URLSearchParams, bodyText: string): Record<string, unknown> {
    if (query.get('campaignType') !== 'voice') throw fail(400, 'The campaignType query parameter must be "voice".');
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) throw fail(415, `Content-Type must be application/json; got ${contentType || 'none'}.`);
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch {
      throw fail(400, 'The body is not valid JSON.');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw fail(400, 'The body must be a JSON object.');
    if ('campaignId' in body) throw fail(400, 'campaignId belongs in the URL, not in the body.', 'campaignId');
    const problems = validateText(JSON.stringify(body, null, 2)).filter((d) => d.severity === 'error');
    if (problems.length) throw new HttpFailure(400, problems.map((d) => (d.path ? { msg: d.message, field: d.path } : { msg: d.message })));
    const missing = missingContactLists(body as Record<string, unknown>, contactLists);
    if (missing.length) throw new HttpFailure(400, missing);
    return body as Record<string, unknown>;
  }

  async function handle(req: http.IncomingMessage, bodyText: string): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const route = ROUTE.exec(url.pathname);
    const listsRoute = CONTACT_LISTS_ROUTE.exec(url.pathname);
    if (!route && !listsRoute) throw fail(404, `No such endpoint: ${req.method} ${url.pathname}.`);
    const fault = queuedFaults.shift();
    if (fault) {
      throw new HttpFailure(
        fault.status,
        fault.errors ?? [{ msg: fault.status === 429 ? 'Too many requests: the limit is 60 a minute per account.' : `Sandbox fault: HTTP ${fault.status}.` }],
        fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {},
      );
    }
    if (listsRoute) {
      if (req.method !== 'POST') throw new HttpFailure(405, [{ msg: `${req.method} is not supported here; use POST.` }], { Allow: 'POST' });
      await authenticate(req, decodeURIComponent(listsRoute[1]));
      return contactListsAnswer(url.searchParams, contactLists);
    }
    if (!route) throw fail(404, `No such endpoint: ${req.method} ${url.pathname}.`);
    if (req.method !== 'PUT' && req.method !== 'GET') throw new HttpFailure(405, [{ msg: `${req.method} is not supported here; use PUT or GET.` }], { Allow: 'GET, PUT' });
    const pathIid = decodeURIComponent(route[1]);
    const campaignId = decodeURIComponent(route[2]);
    await authenticate(req, pathIid);
    if (req.method === 'GET') {
      const stored = campaigns.get(campaignId);
      if (!stored) throw fail(404, `Campaign ${campaignId} not found.`);
      return { status: 200, body: { status: 'success', id: campaignId, data: stored.data } };
    }
    // Body rules come before the existence check, as request validation runs before the handler.
    const body = checkBody(req, url.searchParams, bodyText);
    const existing = campaigns.get(campaignId);
    if (!existing) throw fail(404, `Campaign ${campaignId} not found.`);
    const now = new Date().toISOString();
    const data = storedShape(campaignId, body, existing.createdAt, now);
    campaigns.set(campaignId, { data, createdAt: existing.createdAt, updatedAt: now });
    return {
      status: 200,
      body: { status: 'success', message: `Campaign ${String(body.name)} details updated successfully`, id: campaignId, data },
    };
  }

  const server = http.createServer((req, res) => {
    const record: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      rawHeaderNames: req.rawHeaders.filter((_, i) => i % 2 === 0),
      body: '',
      receivedAt: Date.now(),
    };
    requests.push(record);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', async () => {
      record.body = Buffer.concat(chunks).toString('utf8');
      let status: number;
      let body: unknown;
      let headers: Record<string, string> = {};
      try {
        if (size > MAX_BODY_BYTES) throw fail(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
        if (delayMs > 0) await holdFor(delayMs, stopping.signal);
        ({ status, body, headers = {} } = await handle(req, record.body));
      } catch (error) {
        if (stopping.signal.aborted) {
          res.destroy();
          return;
        }
        if (error instanceof HttpFailure) {
          status = error.status;
          body = { errors: error.errors };
          headers = error.headers;
        } else {
          status = 500;
          body = { errors: [{ msg: `Sandbox error: ${(error as Error).message}` }] };
        }
      }
      const text = JSON.stringify(body);
      record.status = status;
      record.responseBody = text;
      record.respondedAt = Date.now();
      options.log?.(`${record.method} ${record.url} -> ${status} (${record.respondedAt - record.receivedAt} ms)`);
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
      res.end(text);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    credentials,
    faults,
    requests,
    campaigns,
    contactLists,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The stored campaign as the API echoes it (see the API page's sample response). */
function storedShape(id: string, body: Record<string, unknown>, createdAt: string, updatedAt: string): Record<string, unknown> {
  const schedule = body.schedule && typeof body.schedule === 'object' ? (body.schedule as Record<string, unknown>) : {};
  return {
    ...body,
    lname: typeof body.name === 'string' ? body.name.toLowerCase() : undefined,
    status: 'Ready',
    createdAt,
    updatedAt,
    schedule: { isSchedulingEnabled: false, ...schedule, isRecurrenceEnabled: schedule.isRecurrenceEnabled ?? false },
    id,
  };
}

function holdFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    // Removed when the timer fires, so many delayed requests do not pile up listeners.
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
