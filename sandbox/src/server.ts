// A strict local stand-in for the campaign API. Strict on purpose: anything the real
// platform might refuse (header names, a token signed with the wrong secret, a reused jti,
// an invalid body) is refused here too, so a request that works against the sandbox is right
// by the contract. Faults can be switched on to exercise retries, partial reads and the like.
// The routes live in their own files (routes.ts lists them), one request's handling in
// dispatch.ts; this file starts and stops the server.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackHostname } from '../../platform/src/connection';
import { authenticator } from './auth';
import { SANDBOX_CREDENTIALS } from './defaults';
import { FaultState, type SandboxFaults } from './faults';
import { requestListener, type RecordedRequest } from './dispatch';
import { sandboxRoutes, type SandboxState } from './routes';
import { seedCampaigns } from './seed';
import type { CampaignStore } from './store';

export type { StoredCampaign } from './store';
export type { SandboxFaults } from './faults';
export type { RecordedRequest } from './dispatch';

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

export interface Sandbox {
  url: string;
  port: number;
  credentials: { clientId: string; clientSecret: string; iid: string; accountId: string };
  faults: SandboxFaults;
  requests: RecordedRequest[];
  campaigns: CampaignStore;
  stop(): Promise<void>;
}

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
  const requests: RecordedRequest[] = [];
  const stopping = new AbortController();

  const server = http.createServer(
    requestListener({ routes: sandboxRoutes(state), faults, authenticate, latencyMs: Math.max(0, options.latencyMs ?? 0), requests, stopping: stopping.signal, log: options.log }),
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
    stop: () =>
      new Promise<void>((resolve) => {
        stopping.abort();
        for (const timer of state.timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
