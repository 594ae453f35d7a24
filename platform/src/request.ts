// The request, built in one place so the extension, the CLI's --dry-run and the tests
// see byte-for-byte what goes on the wire.
import { normaliseHost, type Connection } from './connection';

export const API_BASE_PATH = '/agentassist/api/v1/public';

/** Any call of the campaign API family, as sent. */
export interface PlatformRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  /** Header names exactly as sent; `auth` holds the token. */
  headers: Record<string, string>;
  /** The JSON text sent as the body, when there is one. */
  body?: string;
}

export interface PushRequest extends PlatformRequest {
  method: 'PUT';
  body: string;
}

/**
 * The body the API receives: the file's mapping without the local-only `campaignId` key and
 * without the fields the platform owns (`platformOwned`, as paths: `['schedule', 'isRecurrenceEnabled']`).
 * The list is passed in because it is the core's (core/src/platformFields.ts) and this
 * module imports nothing of ours; it is required so no caller can forget it.
 */
export function bodyFromCampaign(campaign: Record<string, unknown>, platformOwned: readonly (readonly string[])[]): Record<string, unknown> {
  const { campaignId: _localOnly, ...body } = campaign;
  for (const path of platformOwned) withoutPath(body, path);
  return body;
}

/** Removes `path` from `record`, copying each mapping on the way so the caller's campaign is untouched. */
function withoutPath(record: Record<string, unknown>, path: readonly string[]): void {
  const [head, ...rest] = path;
  if (!Object.prototype.hasOwnProperty.call(record, head)) return;
  if (rest.length === 0) {
    delete record[head];
    return;
  }
  const child = record[head];
  if (!child || typeof child !== 'object' || Array.isArray(child)) return;
  const copy = { ...(child as Record<string, unknown>) };
  withoutPath(copy, rest);
  record[head] = copy;
}

/** `{origin}/agentassist/api/v1/public/{iid}{path}`: every v1 call starts here. */
export function apiUrl(connection: Pick<Connection, 'host' | 'iid'>, path: string): string {
  const { origin } = normaliseHost(connection.host);
  return `${origin}${API_BASE_PATH}/${encodeURIComponent(connection.iid)}${path}`;
}

export function campaignUrl(connection: Pick<Connection, 'host' | 'iid'>, campaignId: string): string {
  return apiUrl(connection, `/campaign/${encodeURIComponent(campaignId)}?campaignType=voice`);
}

/** The headers every call carries (the seed page's). */
export function platformHeaders(connection: Pick<Connection, 'iid' | 'accountId'>, token: string): Record<string, string> {
  return {
    auth: token,
    iid: connection.iid,
    accountId: connection.accountId,
    'Content-Type': 'application/json',
  };
}

export function buildPushRequest(
  connection: Pick<Connection, 'host' | 'iid' | 'accountId'>,
  campaignId: string,
  body: Record<string, unknown>,
  token: string,
): PushRequest {
  return {
    method: 'PUT',
    url: campaignUrl(connection, campaignId),
    headers: platformHeaders(connection, token),
    body: JSON.stringify(body),
  };
}
