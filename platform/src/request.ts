// The request, built in one place so the extension, the CLI's --dry-run and the tests
// see byte-for-byte what goes on the wire.
import { normaliseHost, type Connection } from './connection';

export const API_BASE_PATH = '/agentassist/api/v1/public';

export interface PushRequest {
  method: 'PUT';
  url: string;
  /** Header names exactly as sent; `auth` holds the token. */
  headers: Record<string, string>;
  /** The JSON text sent as the body. */
  body: string;
}

export function campaignUrl(connection: Pick<Connection, 'host' | 'iid'>, campaignId: string): string {
  const { origin } = normaliseHost(connection.host);
  return `${origin}${API_BASE_PATH}/${encodeURIComponent(connection.iid)}/campaign/${encodeURIComponent(campaignId)}?campaignType=voice`;
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
    headers: {
      auth: token,
      iid: connection.iid,
      accountId: connection.accountId,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  };
}
