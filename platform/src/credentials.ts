// What signs a request. Client ID + Client Secret is preferred: a fresh short-lived token
// per request works whether or not the platform app enforces `jti`. A pasted JWT is the
// fallback for people who cannot get a client secret; it is sent as it is.

export type Credentials = { kind: 'client'; clientId: string; clientSecret: string } | { kind: 'jwt'; token: string };

/** The strings that must never appear in a log line. */
export function secretsOf(credentials: Credentials | undefined): string[] {
  if (!credentials) return [];
  return credentials.kind === 'client' ? [credentials.clientSecret] : [credentials.token];
}

export function checkCredentials(credentials: Credentials): string | undefined {
  if (credentials.kind === 'client') {
    if (!credentials.clientId.trim()) return 'The Client ID is empty.';
    if (!credentials.clientSecret) return 'The Client Secret is empty.';
    return undefined;
  }
  const token = credentials.token.trim();
  if (!token) return 'The JWT is empty.';
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) {
    return 'That is not a JWT: expected three base64url parts separated by dots (eyJ...).';
  }
  return undefined;
}
