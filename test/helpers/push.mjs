// Shared set-up for the push and sandbox tests: a sandbox on a free loopback port and a
// connection + credentials that match it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const platform = require('../../dist/platform.js');
/** The local sandbox (a test double of the platform), its own library. */
export const sandboxLib = require('../../dist/sandbox.js');
export const core = require('../../dist/core.js');

export const { SANDBOX_CREDENTIALS, SANDBOX_CAMPAIGN_IDS, SANDBOX_SEED_CAMPAIGN } = sandboxLib;
export const CAMPAIGN_ID = SANDBOX_CAMPAIGN_IDS[1];

export function validBody(overrides = {}) {
  return { ...structuredClone(SANDBOX_SEED_CAMPAIGN), ...overrides };
}

export function connectionFor(sandbox, overrides = {}) {
  return {
    id: 'test-connection',
    name: 'Local sandbox',
    host: sandbox.url,
    iid: sandbox.credentials.iid,
    accountId: sandbox.credentials.accountId,
    ...overrides,
  };
}

export function clientCredentials(sandbox, overrides = {}) {
  return { kind: 'client', clientId: sandbox.credentials.clientId, clientSecret: sandbox.credentials.clientSecret, ...overrides };
}

/**
 * Start a sandbox for one test; `t.after` stops it. Without the platform's rate limit unless
 * `rateLimit` is given: a test of something else may send more than 60 requests a minute (the
 * rate-limit tests set it, scaled down: test/platform-rate-limit.test.mjs, test/cli-rate-limit.test.mjs).
 */
export async function withSandbox(t, options = {}) {
  const sandbox = await sandboxLib.startSandbox({ port: 0, rateLimit: false, ...options });
  t.after(() => sandbox.stop());
  return sandbox;
}

/** Push with fast retries, collecting log lines and progress events. */
export async function push(sandbox, { body = validBody(), campaignId = CAMPAIGN_ID, connection, credentials, ...options } = {}) {
  const logs = [];
  const progress = [];
  const started = performance.now();
  const outcome = await platform.pushCampaign(
    {
      connection: connection ?? connectionFor(sandbox),
      credentials: credentials ?? clientCredentials(sandbox),
      campaignId,
      body,
    },
    { retry: { baseDelayMs: 20 }, log: (line) => logs.push(line), onProgress: (p) => progress.push(p), ...options },
  );
  return { outcome, logs, progress, elapsedMs: performance.now() - started };
}

/** A loopback port with nothing listening on it. */
export async function closedPort() {
  const net = await import('node:net');
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
