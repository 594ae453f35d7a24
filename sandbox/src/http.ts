// The sandbox's HTTP vocabulary: a failure that becomes an error answer, the request and answer
// shapes routes see, and a timer that stopping the server cuts short.
import type * as http from 'node:http';

export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly errors: { msg: string; field?: string }[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => e.msg).join('; '));
  }
}

export const fail = (status: number, msg: string, field?: string) => new HttpFailure(status, [field ? { msg, field } : { msg }]);

/** What a route handler receives: the path after `{base}/{iid}` matched, the body as text. */
export interface SandboxRequest {
  method: string;
  url: URL;
  /** The route pattern's capture groups, URI-decoded. */
  params: string[];
  headers: http.IncomingHttpHeaders;
  bodyText: string;
}

export interface SandboxAnswer {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent verbatim instead of `body` (a proxy's HTML page, for the non-JSON fault). */
  rawBody?: { text: string; contentType: string };
  headers?: Record<string, string>;
}

export function holdFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    // Removed when the timer fires, so many delayed requests do not pile up listeners.
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** One endpoint: method, path pattern and handler (the route files list theirs; routes.ts gathers them). */
export interface SandboxRoute {
  method: 'GET' | 'PUT' | 'POST';
  /** Matched against the path after `{base}/{iid}`; capture groups become `params`. */
  path: RegExp;
  handle: (req: SandboxRequest) => SandboxAnswer | Promise<SandboxAnswer>;
}
