// A strict local stand-in for the campaign API. Strict on purpose: anything the real
// platform might refuse (header names, a token signed with the wrong secret, a reused jti,
// an invalid body) is refused here too, so a request that works against the sandbox is right
// by the contract. Faults can be switched on to exercise retries, partial reads and the like.
// The routes live in their own files (routes.ts lists them), one request's handling in
// dispatch.ts; this file starts and stops the server.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticator } from './auth';
import { SANDBOX_CONTACT_LISTS, type SandboxContactList } from './contactLists';
import { SANDBOX_CREDENTIALS } from './defaults';
import { FaultState, type SandboxFaults } from './faults';
import { parseOrigin } from './cors';
import { assertFetchablePort } from './ports';
import { PLATFORM_RATE_LIMIT, RateLimiter, type SandboxRateLimit } from './rateLimit';
import { requestListener, type RecordedRequest } from './dispatch';
import { sandboxRoutes, type SandboxState } from './routes';
import { seedCampaigns } from './seed';
import type { CampaignStore } from './store';

export type { StoredCampaign } from './store';
export type { SandboxFaults } from './faults';
export type { RecordedRequest } from './dispatch';
export type { SandboxRateLimit } from './rateLimit';

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
  /** The account's contact lists (default SANDBOX_CONTACT_LISTS). */
  contactLists?: readonly SandboxContactList[];
  /** Refuse tokens without a fresh `jti` (as apps that enforce jti do). Default true. */
  requireJti?: boolean;
  /** Added to every answer, like a distant server. */
  latencyMs?: number;
  /**
   * The platform's rate limit per account (default 60 requests over a rolling 60 s, refused
   * with the documented message and no Retry-After); a shorter window for tests, false for none.
   */
  rateLimit?: SandboxRateLimit | false;
  /** How long a created campaign stays Preparing. Default 300 ms. */
  preparingMs?: number;
  /**
   * Web page origins (`http://127.0.0.1:8080`) whose cross-origin calls are answered, for an
   * editor in the browser. Default none: like most platforms, the browser's preflight is refused.
   */
  allowOrigins?: readonly string[];
  /** One line per request, for the CLI. */
  log?: (line: string) => void;
}

export interface Sandbox {
  url: string;
  port: number;
  credentials: { clientId: string; clientSecret: string; iid: string; accountId: string };
  faults: SandboxFaults;
  requests: RecordedRequest[];
  campaigns: CampaignStore;
  /** Edit in place to change what the next contact-list request returns. */
  contactLists: SandboxContactList[];
  /** The rate limit in force (false: none). */
  readonly rateLimit: SandboxRateLimit | false;
  setRateLimit(limit: SandboxRateLimit | false): void;
  stop(): Promise<void>;
}

function fail(message: string): never {
  throw new Error(message);
}

/** 127.x.x.x, ::1 and localhost: the only addresses the sandbox listens on. */
function isLoopback(address: string): boolean {
  const host = address.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(host);
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const bindAddress = options.bindAddress ?? '127.0.0.1';
  assertFetchablePort(options.port);
  const allowOrigins = (options.allowOrigins ?? []).map(
    (value) => parseOrigin(value) ?? fail(`${value} is not a web page origin (scheme, host and port, as http://127.0.0.1:8080).`),
  );
  if (!isLoopback(bindAddress)) {
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
  const rateLimit = new RateLimiter(options.rateLimit ?? PLATFORM_RATE_LIMIT);
  const state: SandboxState = {
    campaigns: new Map(),
    contactLists: structuredClone([...(options.contactLists ?? SANDBOX_CONTACT_LISTS)]),
    faults,
    preparingMs: options.preparingMs ?? 300,
    timers: new Set(),
  };
  seedCampaigns(state.campaigns, new Date().toISOString(), options.campaignIds);
  const requests: RecordedRequest[] = [];
  const stopping = new AbortController();

  const server = http.createServer(
    requestListener({
      routes: sandboxRoutes(state),
      faults,
      authenticate,
      rateLimit,
      latencyMs: Math.max(0, options.latencyMs ?? 0),
      allowOrigins,
      requests,
      stopping: stopping.signal,
      log: options.log,
    }),
  );

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
    contactLists: state.contactLists,
    get rateLimit() {
      return rateLimit.current;
    },
    setRateLimit: (limit) => rateLimit.set(limit),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping.abort();
        for (const timer of state.timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
