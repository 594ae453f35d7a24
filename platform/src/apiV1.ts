// API generation v1 (the seed's): every path, query and body shape of the campaign calls in
// one place. A v2 module (`/campaign/api/v2/public/{streamId}/...`, accountId in the query)
// would offer the same functions; nothing outside this file spells a v1 path.
import { normaliseHost, type Connection } from './connection';

export const API_BASE_PATH = '/agentassist/api/v1/public';

/** One call, before a token and a host are attached (see buildRequest). */
export interface ApiCall {
  method: 'GET' | 'PUT' | 'POST';
  /** The path after `{base}/{iid}`, starting with `/`. */
  path: string;
  query?: Record<string, string>;
  /** Sent as JSON; absent for GET. */
  body?: unknown;
}

const campaignPath = (campaignId: string) => `/campaign/${encodeURIComponent(campaignId)}`;

/** Update (the seed): `PUT /campaign/{id}?campaignType=voice`. */
export function updateCampaignCall(campaignId: string, body: Record<string, unknown>): ApiCall {
  return { method: 'PUT', path: campaignPath(campaignId), query: { campaignType: 'voice' }, body };
}

/** Get one: `GET /campaign/{id}` (the page's other form adds `?campaignType=voice`; the plain one is what the sample shows). */
export function getCampaignCall(campaignId: string): ApiCall {
  return { method: 'GET', path: campaignPath(campaignId) };
}

export interface ListPageRequest {
  limit: number;
  skip: number;
  /** 1-based; sent with `skip` because the page's sample sends both. */
  page: number;
}

/** List: `POST /campaign/getAllCampaignDetails`, one page. */
export function listCampaignsCall(page: ListPageRequest): ApiCall {
  return {
    method: 'POST',
    path: '/campaign/getAllCampaignDetails',
    body: { type: 'voice', limit: page.limit, skip: page.skip, page: page.page },
  };
}

/** Create: `POST /campaign?campaignType=voice`, the PUT's body. */
export function createCampaignCall(body: Record<string, unknown>): ApiCall {
  return { method: 'POST', path: '/campaign', query: { campaignType: 'voice' }, body };
}

/** Contact lists: `POST /campaign/contactList/getAllListDetails?type=call`, documented without a body. */
export function contactListsCall(): ApiCall {
  return { method: 'POST', path: '/campaign/contactList/getAllListDetails', query: { type: 'call' } };
}

/** `{origin}/agentassist/api/v1/public/{iid}{path}`: every v1 call starts here. */
export function apiUrl(connection: Pick<Connection, 'host' | 'iid'>, path: string): string {
  const { origin } = normaliseHost(connection.host);
  return `${origin}${API_BASE_PATH}/${encodeURIComponent(connection.iid)}${path}`;
}

/** The full URL of a call on a connection. */
export function callUrl(connection: Pick<Connection, 'host' | 'iid'>, call: ApiCall): string {
  const query = call.query ? `?${new URLSearchParams(call.query).toString()}` : '';
  return apiUrl(connection, `${call.path}${query}`);
}
