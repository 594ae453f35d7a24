// A strict local stand-in for the campaign API. Strict on purpose: anything the real
// platform might refuse (header names, a token signed with the wrong secret, a reused jti,
// an invalid body) is refused here too, so a request that works against the sandbox is right
// by the contract. Faults can be switched on to exercise retries, partial reads and the like.
// The routes live in their own files (routes.ts lists them); this file is the HTTP plumbing.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackHostname } from '../../platform/src/connection';
import { API_BASE_PATH } from '../../platform/src/apiV1';
import { authenticator } from './auth';
import { SANDBOX_CREDENTIALS } from './defaults';
import { FaultState, type SandboxFaults } from './faults';
import { fail, holdFor, HttpFailure, type SandboxAnswer } from './http';
import { sandboxRoutes, type SandboxState } from './routes';
import { seedCampaigns } from './seed';
import type { CampaignStore } from './store';

export type { StoredCampaign } from './store';
export type { SandboxFaults } from './faults';

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only: the sandbox's credentials are public. */
  bindAddress?: string;
  clientId?: string;
  clientSecret?: string;
  iid?: string;
  accountId?: string;
  /** Only these campaigns (each the API page's sample) instead of the varied seed. */
  campaignIds?: readonly string[];
  /** Refuse tokens without a fresh `jti` (as apps that enforce jti do). Default true. */
  requireJti?: boolean;
  /** Added to every answer, like a distant server. */
  latencyMs?: number;
  /** How long a created campaign stays Preparing. Default 300 ms. */
  preparingMs?: number;
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

export interface Sandbox {
  url: string;
  port: number;
  credentials: { clientId: string; clientSecret: string; iid: string; accountId: string };
  faults: SandboxFaults;
  requests: RecordedRequest[];
  campaigns: CampaignStore;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const PREFIX = new RegExp(`^${API_BASE_PATH.replace(/\//g, '\\/')}\\/([^/]+)(\\/.*)$`);

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
  const authenticate = authenticator({ ...credentials, requireJti: options.requireJti ?? true });
  const faults = new FaultState();
  const state: SandboxState = { campaigns: new Map(), faults, preparingMs: options.preparingMs ?? 300, timers: new Set() };
  seedCampaigns(state.campaigns, new Date().toISOString(), options.campaignIds);
  const routes = sandboxRoutes(state);
  const latencyMs = Math.max(0, options.latencyMs ?? 0);
  const requests: RecordedRequest[] = [];
  const stopping = new AbortController();

  async function handle(req: http.IncomingMessage, bodyText: string): Promise<SandboxAnswer> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const prefix = PREFIX.exec(url.pathname);
    const matching = prefix ? routes.filter((r) => r.path.test(prefix[2])) : [];
    if (!prefix || !matching.length) throw fail(404, `No such endpoint: ${req.method} ${url.pathname}.`);
    const forced = faults.take(req.method ?? '');
    if (forced) return forced;
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      const allowed = [...new Set(matching.map((r) => r.method))].join(', ');
      throw new HttpFailure(405, [{ msg: `${req.method} is not supported here; use ${allowed}.` }], { Allow: allowed });
    }
    const pathIid = decodeURIComponent(prefix[1]);
    await authenticate(req.headers, pathIid);
    const params = (route.path.exec(prefix[2]) ?? []).slice(1).map((p) => decodeURIComponent(p));
    return route.handle({ method: req.method ?? '', url, params, headers: req.headers, bodyText });
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
      let answer: SandboxAnswer;
      try {
        if (size > MAX_BODY_BYTES) throw fail(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
        const delay = latencyMs + faults.delayFor(record.method);
        if (delay > 0) await holdFor(delay, stopping.signal);
        answer = await handle(req, record.body);
      } catch (error) {
        if (stopping.signal.aborted) {
          res.destroy();
          return;
        }
        answer =
          error instanceof HttpFailure
            ? { status: error.status, body: { errors: error.errors }, headers: error.headers }
            : { status: 500, body: { errors: [{ msg: `Sandbox error: ${(error as Error).message}` }] } };
      }
      const text = answer.rawBody?.text ?? JSON.stringify(answer.body);
      const contentType = answer.rawBody?.contentType ?? 'application/json';
      record.status = answer.status;
      record.responseBody = text;
      record.respondedAt = Date.now();
      options.log?.(`${record.method} ${record.url} -> ${answer.status} (${record.respondedAt - record.receivedAt} ms)`);
      res.writeHead(answer.status, { 'Content-Type': `${contentType}; charset=utf-8`, 'Content-Length': Buffer.byteLength(text), ...answer.headers });
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
    campaigns: state.campaigns,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping.abort();
        for (const timer of state.timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
