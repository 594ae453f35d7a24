// What a call that got no answer tells the user: an unreachable host, a refused connection, a
// certificate that was not accepted, a browser that blocked the request (CORS). Kept apart from
// the answers' messages (messages.ts) because none of these ever reached the platform.
import { isBrowserFetchFailure, networkErrorCode } from './answers';
import { wordsFor } from './messages';
import type { OutcomeContext, PlatformFailure } from './outcome';

const TLS_CODES = /^(?:CERT_|ERR_TLS_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|ERR_SSL_|HOSTNAME_MISMATCH)/;

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed unexpectedly',
  EPIPE: 'connection closed unexpectedly',
};

export function networkErrorOutcome(
  error: unknown,
  origin: string,
  loopback: boolean,
  attempts: number,
  context: Pick<OutcomeContext, 'action'> = {},
): PlatformFailure {
  const code = networkErrorCode(error);
  const { nothing } = wordsFor(context);
  if (isBrowserFetchFailure(error)) {
    const Nothing = nothing[0].toUpperCase() + nothing.slice(1);
    return {
      kind: 'network-error',
      code: 'BROWSER_FETCH_BLOCKED',
      tls: false,
      attempts,
      message:
        `The browser could not reach ${origin}: it refused the request or did not answer, most likely because it does not allow requests from this web page (CORS). ${Nothing}. ` +
        // One sentence for every call (a push's plan-first read, a pull's list, a create): what works instead.
        'VS Code in the browser can push to and pull from only a platform that allows this origin; otherwise use desktop VS Code or the CLI (`kore-campaign push`, `kore-campaign pull`).',
    };
  }
  const tls = code !== undefined && TLS_CODES.test(code);
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') {
    const plain = loopback
      ? ` The local sandbox speaks plain http: use ${origin.replace(/^https:/, 'http:')}.`
      : ' Check the host and port.';
    return {
      kind: 'network-error',
      code,
      tls: true,
      attempts,
      message: `${origin} does not speak TLS (https) on that port (${code}); ${nothing}.${plain}`,
    };
  }
  if (tls) {
    return {
      kind: 'network-error',
      code,
      tls,
      attempts,
      message: `The TLS certificate of ${origin} was not accepted (${code}); ${nothing}. Certificate errors are never ignored: fix the certificate or the host name.`,
    };
  }
  const words = code ? (NETWORK_WORDS[code] ?? code) : ((error as Error)?.message ?? String(error));
  const hint = loopback
    ? ' Is the local sandbox running? Start it with `kore-campaign sandbox`.'
    : ' Check the host name and your network or proxy.';
  return {
    kind: 'network-error',
    code,
    tls,
    attempts,
    message: `Could not reach ${origin}: ${words}${code && NETWORK_WORDS[code] ? ` (${code})` : ''}.${hint}`,
  };
}
