// One token per request: a random `jti` and a short `exp` mean a token that leaks through a
// proxy log is useless within minutes, and apps that enforce `jti` never see one twice.
import { SignJWT } from 'jose';
import type { Credentials } from './credentials';

/** Tokens live this long. The platform accepts at most an hour; a push needs seconds. */
export const TOKEN_LIFETIME_SECONDS = 300;

/** The spec lets `sub` be any stable id; a constant names the tool in the platform's audit trail. */
export const DEFAULT_SUBJECT = 'kore-campaign-tools';

export interface MintOptions {
  subject?: string;
  lifetimeSeconds?: number;
  now?: () => number;
}

export async function mintToken(clientId: string, clientSecret: string, options: MintOptions = {}): Promise<string> {
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  return new SignJWT({ appId: clientId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject ?? DEFAULT_SUBJECT)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + (options.lifetimeSeconds ?? TOKEN_LIFETIME_SECONDS))
    .setJti(crypto.randomUUID()) // Web Crypto: Node and browsers alike
    .sign(new TextEncoder().encode(clientSecret));
}

/** The `auth` header value for one request. */
export async function tokenFor(credentials: Credentials, options: MintOptions = {}): Promise<string> {
  return credentials.kind === 'client' ? mintToken(credentials.clientId, credentials.clientSecret, options) : credentials.token.trim();
}
