// Who may call: the `auth` header's JWT (HS256, this app's secret and client id, a fresh jti),
// then the iid and accountId headers against the path and the app.
import type * as http from 'node:http';
import { jwtVerify, errors as joseErrors } from 'jose';
import { fail } from './http';

const MAX_TOKEN_LIFETIME_SECONDS = 3600;

export interface AuthSettings {
  clientId: string;
  clientSecret: string;
  iid: string;
  accountId: string;
  /** Refuse tokens without a fresh `jti`. */
  requireJti: boolean;
}

export function authenticator(settings: AuthSettings): (headers: http.IncomingHttpHeaders, pathIid: string) => Promise<void> {
  const secretKey = new TextEncoder().encode(settings.clientSecret);
  const usedJtis = new Set<string>();
  return async (headers, pathIid) => {
    const auth = headers.auth;
    if (typeof auth !== 'string' || !auth) {
      const hint = headers.authorization
        ? ' An Authorization header was sent instead: this API reads the JWT from a header named "auth".'
        : '';
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
            ? "the signature does not match this app's client secret"
            : error instanceof joseErrors.JOSEAlgNotAllowed
              ? 'only HS256 tokens are accepted'
              : (error as Error).message;
      throw fail(401, `Invalid token: ${reason}.`);
    }
    if (payload.appId !== settings.clientId) {
      throw fail(401, `Invalid token: appId ${JSON.stringify(payload.appId ?? null)} is not this app's client id.`);
    }
    if (typeof payload.sub !== 'string' || !payload.sub) throw fail(401, 'Invalid token: sub is missing.');
    if (typeof payload.exp === 'number' && typeof payload.iat === 'number' && payload.exp - payload.iat > MAX_TOKEN_LIFETIME_SECONDS) {
      throw fail(401, 'Invalid token: exp is more than one hour after iat.');
    }
    if (settings.requireJti) {
      if (typeof payload.jti !== 'string' || !payload.jti) throw fail(401, 'Invalid token: this app requires a jti.');
      if (usedJtis.has(payload.jti)) throw fail(401, 'Invalid token: this jti has already been used.');
      usedJtis.add(payload.jti);
    }
    const iid = headers.iid;
    if (typeof iid !== 'string' || !iid) throw fail(400, 'The iid header is missing.');
    if (iid !== pathIid) throw fail(400, `The iid header (${iid}) differs from the application id in the path (${pathIid}).`);
    if (pathIid !== settings.iid) throw fail(403, `This app is not authorised for application ${pathIid}.`);
    const accountId = headers.accountid;
    if (typeof accountId !== 'string' || !accountId) throw fail(400, 'The accountId header is missing.');
    if (accountId !== settings.accountId) throw fail(403, `Account ${accountId} does not own application ${pathIid}.`);
  };
}
