// Where the CLI's platform calls go and how they are signed: from the environment (KORE_*), so
// secrets stay out of shell history and CI logs. Shared by push, pull, plan and create.
import { checkAccountId, checkCredentials, checkIid, normaliseHost, type Connection, type Credentials } from '../../platform/src';
import { hostProblem } from './hostCheck';

export const ENVIRONMENT_HELP = `Environment:
  KORE_HOST          platform host, e.g. platform.kore.ai or https://platform.kore.ai (https only;
                     http only to this machine, with the scheme: http://127.0.0.1:4777)
  KORE_IID           application id (st-...)
  KORE_ACCOUNT_ID    account id
  KORE_CLIENT_ID     Client ID and Client Secret of a JWT app with the Campaign Management scope
  KORE_CLIENT_SECRET   (a fresh short-lived token is minted for every request), or
  KORE_JWT           a ready JWT, sent as it is`;

/** Connection and credentials from the environment, or what is missing or wrong. */
export function configFromEnv(
  env: NodeJS.ProcessEnv,
): { connection: Connection; credentials: Credentials; note?: string } | { problems: string[] } {
  const problems: string[] = [];
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
  if (problems.length || !credentials) return { problems };
  return { connection: { id: 'env', name: normaliseHost(host).origin, host, iid, accountId }, credentials, note };
}
