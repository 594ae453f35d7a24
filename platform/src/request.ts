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
