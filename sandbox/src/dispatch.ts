// One request through the sandbox: recorded, its body read (bounded), held for the configured
// latency, routed (404 before the rate limit, the rate limit before queued faults, 405 before
// authentication), and answered as JSON (or a fault's raw body). Kept apart from start-up so
// each reads on its own.
import type * as http from 'node:http';
import { corsHeaders, preflightAnswer } from './cors';
import type { FaultState } from './faults';
import { fail, holdFor, HttpFailure, type SandboxAnswer, type SandboxRoute } from './http';
import type { RateLimiter } from './rateLimit';

const MAX_BODY_BYTES = 1_000_000;
/** `https://{host}/agentassist/api/v1/public/{IID}/...`: the v1 base of every call (CAMPAIGN-SPEC.md). */
const PREFIX = /^\/agentassist\/api\/v1\/public\/([^/]+)(\/.*)$/;

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  /** Header names lower-cased by Node, values as received. */
  headers: http.IncomingHttpHeaders;
  /** Header names as the client spelled them. */
  rawHeaderNames: string[];
  body: string;
  status?: number;
  responseBody?: string;
  receivedAt: number;
  respondedAt?: number;
}

export interface Dispatch {
  routes: SandboxRoute[];
  faults: FaultState;
  authenticate: (headers: http.IncomingHttpHeaders, pathIid: string) => Promise<void>;
  /** Per account (the accountId header), as the platform counts. */
  rateLimit: RateLimiter;
  latencyMs: number;
  requests: RecordedRequest[];
  /** Web page origins whose cross-origin calls are answered (cors.ts); empty: none. */
  allowOrigins: readonly string[];
  /** Aborted when the sandbox stops: held answers are dropped. */
  stopping: AbortSignal;
  log?: (line: string) => void;
}

async function route(req: http.IncomingMessage, bodyText: string, d: Dispatch): Promise<SandboxAnswer> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const prefix = PREFIX.exec(url.pathname);
  const matching = prefix ? d.routes.filter((r) => r.path.test(prefix[2])) : [];
  if (!prefix || !matching.length) throw fail(404, `No such endpoint: ${req.method} ${url.pathname}.`);
  const account = req.headers.accountid;
  const refused = d.rateLimit.admit(typeof account === 'string' ? account : '', Date.now());
  if (refused) return refused;
  const forced = d.faults.take(req.method ?? '');
  if (forced) return forced;
  const chosen = matching.find((r) => r.method === req.method);
  if (!chosen) {
    const allowed = [...new Set(matching.map((r) => r.method))].join(', ');
    throw new HttpFailure(405, [{ msg: `${req.method} is not supported here; use ${allowed}.` }], { Allow: allowed });
  }
  await d.authenticate(req.headers, decodeURIComponent(prefix[1]));
  const params = (chosen.path.exec(prefix[2]) ?? []).slice(1).map((p) => decodeURIComponent(p));
  return chosen.handle({ method: req.method ?? '', url, params, headers: req.headers, bodyText });
}

export function requestListener(d: Dispatch): http.RequestListener {
  return (req, res) => {
    const record: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      rawHeaderNames: req.rawHeaders.filter((_, i) => i % 2 === 0),
      body: '',
      receivedAt: Date.now(),
    };
    d.requests.push(record);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', async () => {
      record.body = Buffer.concat(chunks).toString('utf8');
      // A browser's preflight from an allowed origin: answered at once, before faults, latency and auth.
      const preflight = preflightAnswer(req, d.allowOrigins);
      let answer: SandboxAnswer;
      try {
        if (preflight) answer = preflight;
        else {
          if (size > MAX_BODY_BYTES) throw fail(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
          const delay = d.latencyMs + d.faults.delayFor(record.method);
          if (delay > 0) await holdFor(delay, d.stopping);
          answer = await route(req, record.body, d);
        }
      } catch (error) {
        if (d.stopping.aborted) {
          res.destroy();
          return;
        }
        answer =
          error instanceof HttpFailure
            ? { status: error.status, body: { errors: error.errors }, headers: error.headers }
            : { status: 500, body: { errors: [{ msg: `Sandbox error: ${(error as Error).message}` }] } };
      }
      const text = preflight ? '' : (answer.rawBody?.text ?? JSON.stringify(answer.body));
      const contentType = answer.rawBody?.contentType ?? 'application/json';
      record.status = answer.status;
      record.responseBody = text;
      record.respondedAt = Date.now();
      // A browser's calls name their page: which origin a refused preflight came from is what to allow.
      const from = req.headers.origin ? ` from ${req.headers.origin}` : '';
      d.log?.(`${record.method} ${record.url}${from} -> ${answer.status} (${record.respondedAt - record.receivedAt} ms)`);
      const typed = preflight ? {} : { 'Content-Type': `${contentType}; charset=utf-8` };
      res.writeHead(answer.status, {
        ...typed,
        'Content-Length': Buffer.byteLength(text),
        ...corsHeaders(req, d.allowOrigins),
        ...answer.headers,
      });
      res.end(text);
    });
  };
}
