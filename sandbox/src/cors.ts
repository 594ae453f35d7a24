// Cross-origin answers, for an editor in the browser (VS Code's web worker extension host on
// code-server, vscode.dev) that calls the sandbox with fetch. Off unless origins are named: like
// most platforms, the sandbox then answers no preflight, and the browser refuses the call. Only
// exact origins, never `*`: the sandbox's credentials are public, so no web page may use it
// unless asked for.
import type * as http from 'node:http';
import type { SandboxAnswer } from './http';

/** The preflight's answer may be cached this long by the browser. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** `value` as an origin (`http://127.0.0.1:8080`), or undefined when it is not exactly one. */
export function parseOrigin(value: string): string | undefined {
  try {
    const origin = new URL(value).origin;
    return origin !== 'null' && origin === value.replace(/\/$/, '') ? origin : undefined;
  } catch {
    return undefined;
  }
}

/** The headers every answer to an allowed origin carries; none for any other request. */
export function corsHeaders(req: http.IncomingMessage, allowed: readonly string[]): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !allowed.includes(origin)) return {};
  // The platform client reads Retry-After (429, 503): not a header a page may read unless exposed.
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' };
}

/** The answer to a browser's preflight from an allowed origin; undefined for any other request. */
export function preflightAnswer(req: http.IncomingMessage, allowed: readonly string[]): SandboxAnswer | undefined {
  const headers = corsHeaders(req, allowed);
  if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method'] || !headers['Access-Control-Allow-Origin'])
    return undefined;
  return {
    status: 204,
    headers: {
      ...headers,
      'Access-Control-Allow-Methods': 'GET, PUT, POST',
      // The platform's headers (auth, accountId, iid, content-type), as the browser lists them.
      'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] ?? ''),
      'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
    },
  };
}
