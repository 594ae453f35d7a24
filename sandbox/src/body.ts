// The write body's checks (PUT and create): the query, the content type, JSON, the campaign
// rules as the sandbox reads the spec (rules.ts, not the product's validator), and lists that
// exist, as request validation would.
import type * as http from 'node:http';
import { missingContactLists, type SandboxContactList } from './contactLists';
import { fail, HttpFailure } from './http';
import { campaignBodyProblems } from './rules';

export function checkCampaignBody(
  headers: http.IncomingHttpHeaders,
  query: URLSearchParams,
  bodyText: string,
  contactLists: readonly SandboxContactList[],
): Record<string, unknown> {
  if (query.get('campaignType') !== 'voice') throw fail(400, 'The campaignType query parameter must be "voice".');
  const contentType = headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType))
    throw fail(415, `Content-Type must be application/json; got ${contentType || 'none'}.`);
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    throw fail(400, 'The body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw fail(400, 'The body must be a JSON object.');
  if ('campaignId' in body) throw fail(400, 'campaignId belongs in the URL, not in the body.', 'campaignId');
  const problems = campaignBodyProblems(body as Record<string, unknown>);
  if (problems.length) throw new HttpFailure(400, problems);
  const missing = missingContactLists(body as Record<string, unknown>, contactLists);
  if (missing.length) throw new HttpFailure(400, missing);
  return body as Record<string, unknown>;
}

/** A JSON body of a read-style POST (list): an object, or empty. */
export function jsonObjectBody(bodyText: string): Record<string, unknown> {
  if (!bodyText.trim()) return {};
  try {
    const body = JSON.parse(bodyText);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Falls through to the same refusal.
  }
  throw fail(400, 'The body must be a JSON object.');
}
