// The platform's contact lists (`POST /campaign/contactList/getAllListDetails?type=call`), so
// the editor and `validate --platform` can check the names a campaign uses. The request goes
// through the push's machinery (sendWithRetries): same token per try, retries, timeout,
// cancellation, redaction and log.
import type { Connection } from './connection';
import type { Credentials } from './credentials';
import { tryParseJson, type OutcomeKind } from './outcome';
import { sendWithRetries, type PushOptions } from './push';
import { apiUrl, platformHeaders, type PlatformRequest } from './request';

/** What the editor and the CLI need of one list (the answer has more). */
export interface ContactListInfo {
  name: string;
  /** How many contacts it holds; undefined when the answer did not say. */
  totalRecordCount?: number;
  status?: string;
  /** Ids of the campaigns that use it. */
  campaignInUse: string[];
}

export type ContactListsResult =
  | { kind: 'success'; lists: ContactListInfo[]; durationMs?: number }
  /** `reason` is one sentence for a status line or a CLI notice; `outcome` is the push outcome's kind. */
  | { kind: 'failed'; outcome: OutcomeKind | 'bad-answer'; status?: number; reason: string };

export function contactListsUrl(connection: Pick<Connection, 'host' | 'iid'>): string {
  return apiUrl(connection, '/campaign/contactList/getAllListDetails?type=call');
}

/** The documented call takes no body. */
export function buildContactListsRequest(connection: Pick<Connection, 'host' | 'iid' | 'accountId'>, token: string): PlatformRequest {
  return { method: 'POST', url: contactListsUrl(connection), headers: platformHeaders(connection, token) };
}

export async function fetchContactLists(connection: Connection, credentials: Credentials, options: PushOptions = {}): Promise<ContactListsResult> {
  const outcome = await sendWithRetries(
    {
      connection,
      credentials,
      build: (token) => buildContactListsRequest(connection, token),
      context: { connectionName: connection.name, campaignId: '', iid: connection.iid },
    },
    options,
  );
  if (outcome.kind === 'success') {
    const lists = contactListsFromAnswer(tryParseJson(outcome.responseBody ?? ''));
    if (lists) return { kind: 'success', lists, durationMs: outcome.durationMs };
    return { kind: 'failed', outcome: 'bad-answer', status: outcome.status, reason: `${connection.name} answered the contact-list request without a list of contact lists.` };
  }
  return { kind: 'failed', outcome: outcome.kind, status: outcome.status, reason: failureReason(connection.name, outcome.kind, outcome.status, outcome.message) };
}

/** The lists in a `{ status: "success", data: [...] }` answer; undefined for any other shape. */
export function contactListsFromAnswer(json: unknown): ContactListInfo[] | undefined {
  const data = json && typeof json === 'object' ? (json as Record<string, unknown>).data : undefined;
  if (!Array.isArray(data)) return undefined;
  const lists: ContactListInfo[] = [];
  for (const entry of data) {
    if (!entry || typeof entry !== 'object') continue;
    const record = entry as Record<string, unknown>;
    if (typeof record.name !== 'string' || !record.name) continue;
    lists.push({
      name: record.name,
      ...(typeof record.totalRecordCount === 'number' ? { totalRecordCount: record.totalRecordCount } : {}),
      ...(typeof record.status === 'string' ? { status: record.status } : {}),
      campaignInUse: Array.isArray(record.campaignInUse) ? record.campaignInUse.filter((id): id is string => typeof id === 'string') : [],
    });
  }
  return lists;
}

/**
 * The push outcome's messages speak of a push; a read needs its own words. Network and TLS
 * messages are about the connection, not the push, so they are kept from their first sentence.
 */
function failureReason(where: string, kind: OutcomeKind, status: number | undefined, message: string): string {
  switch (kind) {
    case 'credentials-rejected':
      return `${where} rejected the credentials (HTTP ${status}).`;
    case 'network-error':
      return message.replace(/; nothing was pushed\./, '.').split(/(?<=\.) /)[0];
    case 'timeout':
      return `${where} did not answer in time.`;
    case 'cancelled':
      return 'The request was cancelled.';
    case 'unavailable':
      return `${where} is unavailable (HTTP ${status}).`;
    case 'refused':
      return message;
    default:
      return `${where} answered HTTP ${status ?? '?'} to the contact-list request.`;
  }
}
