// The request, built in one place so the extension, the CLI's --dry-run and the tests
// see byte-for-byte what goes on the wire.
import { callUrl, updateCampaignCall, type ApiCall } from './apiV1';
import type { Connection } from './connection';

export { API_BASE_PATH, apiUrl } from './apiV1';

export interface PlatformRequest {
  method: ApiCall['method'];
  url: string;
  /** Header names exactly as sent; `auth` holds the token. */
  headers: Record<string, string>;
  /** The JSON text sent as the body; absent for GET. */
  body?: string;
}

export interface PushRequest extends PlatformRequest {
  method: 'PUT';
  body: string;
}

/** The PUT's URL (kept for callers that show where a push goes). */
export function campaignUrl(connection: Pick<Connection, 'host' | 'iid'>, campaignId: string): string {
  return callUrl(connection, updateCampaignCall(campaignId, {}));
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

/** Any call, with the headers every call carries. */
export function buildRequest(connection: Pick<Connection, 'host' | 'iid' | 'accountId'>, call: ApiCall, token: string): PlatformRequest {
  const request: PlatformRequest = { method: call.method, url: callUrl(connection, call), headers: platformHeaders(connection, token) };
  if (call.body !== undefined) request.body = JSON.stringify(call.body);
  return request;
}

export function buildPushRequest(
  connection: Pick<Connection, 'host' | 'iid' | 'accountId'>,
  campaignId: string,
  body: Record<string, unknown>,
  token: string,
): PushRequest {
  return buildRequest(connection, updateCampaignCall(campaignId, body), token) as PushRequest;
}
