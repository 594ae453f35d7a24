// Where the CLI's platform calls go and how they are signed: from the environment (KORE_*), so
// secrets stay out of shell history and CI logs. Shared by push, pull, plan and create.
import {
  checkAccountId,
  checkCredentials,
  checkIid,
  DEFAULT_REQUESTS_PER_MINUTE,
  MAX_REQUESTS_PER_MINUTE,
  normaliseHost,
  RATE_WINDOW_MS,
  RequestBudget,
  type Connection,
  type Credentials,
} from '../../platform/src';
import { hostProblem } from './hostCheck';

export const ENVIRONMENT_HELP = `Environment:
  KORE_HOST          platform host, e.g. platform.kore.ai or https://platform.kore.ai (https only;
                     http only to this machine, with the scheme: http://127.0.0.1:4777)
  KORE_IID           application id (st-...)
  KORE_ACCOUNT_ID    account id
  KORE_CLIENT_ID     Client ID and Client Secret of a JWT app with the Campaign Management scope
  KORE_CLIENT_SECRET   (a fresh short-lived token is minted for every request), or
  KORE_JWT           a ready JWT, sent as it is
  KORE_REQUESTS_PER_MINUTE
                     the account's rate limit, shared by every request of the run (default
                     ${DEFAULT_REQUESTS_PER_MINUTE}, Kore.ai's documented limit; 1 to ${MAX_REQUESTS_PER_MINUTE}). Lower it when other tools use
                     the same account at the same time
  KORE_RATE_LIMIT_WINDOW_SECONDS
                     the window the limit is counted over (default 60; only a sandbox started
                     with --rate-limit-window uses another)`;

const MAX_WINDOW_SECONDS = 3600;

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number, problems: string[]): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (/^\d+$/.test(text) && value >= 1 && value <= max) return value;
  problems.push(`${name} must be a whole number from 1 to ${max}; it is "${text}".`);
  return fallback;
}

/**
 * The run's request budget from KORE_REQUESTS_PER_MINUTE (and the window, for a scaled-down
 * sandbox), or what is wrong with them. One per run: every request of the run shares it.
 */
export function budgetFromEnv(env: NodeJS.ProcessEnv): { budget: RequestBudget } | { problems: string[] } {
  const problems: string[] = [];
  const requests = wholeNumber(env, 'KORE_REQUESTS_PER_MINUTE', DEFAULT_REQUESTS_PER_MINUTE, MAX_REQUESTS_PER_MINUTE, problems);
  const windowSeconds = wholeNumber(env, 'KORE_RATE_LIMIT_WINDOW_SECONDS', RATE_WINDOW_MS / 1000, MAX_WINDOW_SECONDS, problems);
  return problems.length ? { problems } : { budget: new RequestBudget({ requests, windowMs: windowSeconds * 1000 }) };
}

/** Connection and credentials from the environment, or what is missing or wrong. */
export function configFromEnv(
  env: NodeJS.ProcessEnv,
): { connection: Connection; credentials: Credentials; budget: RequestBudget; note?: string } | { problems: string[] } {
  const paced = budgetFromEnv(env);
  const problems: string[] = 'problems' in paced ? [...paced.problems] : [];
  const host = env.KORE_HOST?.trim() ?? '';
  const iid = env.KORE_IID?.trim() ?? '';
  const accountId = env.KORE_ACCOUNT_ID?.trim() ?? '';
  if (!host) problems.push('KORE_HOST is not set (e.g. platform.kore.ai).');
  else {
    const problem = hostProblem(host);
    if (problem) problems.push(`KORE_HOST: ${problem}`);
  }
  if (!iid) problems.push('KORE_IID is not set (the application id, st-...).');
  else if (checkIid(iid)) problems.push(`KORE_IID: ${checkIid(iid)}`);
  if (!accountId) problems.push('KORE_ACCOUNT_ID is not set.');
  else if (checkAccountId(accountId)) problems.push(`KORE_ACCOUNT_ID: ${checkAccountId(accountId)}`);

  let credentials: Credentials | undefined;
  let note: string | undefined;
  const clientId = env.KORE_CLIENT_ID?.trim();
  const clientSecret = env.KORE_CLIENT_SECRET;
  const jwt = env.KORE_JWT?.trim();
  if (clientId || clientSecret) {
    if (!clientId) problems.push('KORE_CLIENT_SECRET is set but KORE_CLIENT_ID is not.');
    else if (!clientSecret) problems.push('KORE_CLIENT_ID is set but KORE_CLIENT_SECRET is not.');
    else credentials = { kind: 'client', clientId, clientSecret };
    if (jwt) note = 'KORE_JWT is ignored: KORE_CLIENT_ID and KORE_CLIENT_SECRET are set and preferred.';
  } else if (jwt) credentials = { kind: 'jwt', token: jwt };
  else problems.push('No credentials: set KORE_CLIENT_ID and KORE_CLIENT_SECRET (preferred) or KORE_JWT.');
  if (credentials) {
    const bad = checkCredentials(credentials);
    if (bad) problems.push(bad);
  }
  if (problems.length || !credentials || 'problems' in paced) return { problems };
  return { connection: { id: 'env', name: normaliseHost(host).origin, host, iid, accountId }, credentials, budget: paced.budget, note };
}
