// The platform's contact lists (`POST /campaign/contactList/getAllListDetails?type=call`), so
// the editor and `validate --platform` can check the names a campaign uses. The request goes
// through the shared pipeline (runCall): same token per try, retries, timeout, cancellation,
// redaction and log as every other call.
import { contactListsCall } from './apiV1';
import { tryParseJson } from './answers';
import type { Connection } from './connection';
import type { Credentials } from './credentials';
import { failureFromResponse, unexpectedSuccessBody } from './messages';
import type { OutcomeCommon, OutcomeContext, OutcomeKind } from './outcome';
import { runCall, type RequestOptions } from './pipeline';

/** What the editor and the CLI need of one list (the answer has more). */
export interface ContactListInfo {
  name: string;
  /** How many contacts it holds; undefined when the answer did not say. */
  totalRecordCount?: number;
  status?: string;
  /** Ids of the campaigns that use it (v1 answers give ids, v2 answers `{ id, name }` objects: both are read). */
  campaignInUse: string[];
}

export type ContactListsResult =
  | { kind: 'success'; lists: ContactListInfo[]; durationMs?: number }
  /** `reason` is one sentence for a status line or a CLI notice; `outcome` is the call outcome's kind. */
  | { kind: 'failed'; outcome: OutcomeKind | 'bad-answer'; status?: number; reason: string };

const isSuccess = (status: number) => status >= 200 && status < 300;

type ListsAnswer = OutcomeCommon & { kind: 'success'; status: number; lists: ContactListInfo[] };

export async function fetchContactLists(
  connection: Connection,
  credentials: Credentials,
  options: RequestOptions = {},
): Promise<ContactListsResult> {
  const context: OutcomeContext = { action: 'list', connectionName: connection.name, iid: connection.iid };
  const outcome = await runCall<ListsAnswer>(
    { connection, credentials, call: contactListsCall(), context },
    options,
    (status, bodyText, attempts) => {
      if (!isSuccess(status)) return failureFromResponse(status, bodyText, context, attempts);
      const lists = contactListsFromAnswer(tryParseJson(bodyText));
      if (!lists) return unexpectedSuccessBody(status, bodyText, context, attempts, 'a list of contact lists (`data`)');
      return { kind: 'success', status, attempts, message: '', lists };
    },
  );
  if (outcome.kind === 'success') return { kind: 'success', lists: outcome.lists, durationMs: outcome.durationMs };
  if (outcome.kind === 'http-error' && outcome.status !== undefined && isSuccess(outcome.status)) {
    return {
      kind: 'failed',
      outcome: 'bad-answer',
      status: outcome.status,
      reason: `${connection.name} answered the contact-list request without a list of contact lists.`,
    };
  }
  return {
    kind: 'failed',
    outcome: outcome.kind,
    status: outcome.status,
    reason: failureReason(connection.name, outcome.kind, outcome.status, outcome.message),
  };
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
      campaignInUse: Array.isArray(record.campaignInUse) ? campaignIds(record.campaignInUse) : [],
    });
  }
  return lists;
}

/** `campaignInUse` entries: ids (v1 samples) or `{ id, name }` objects (v2 samples); anything else is left out. */
function campaignIds(entries: unknown[]): string[] {
  const ids: string[] = [];
  for (const entry of entries) {
    const object = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : undefined;
    const id = typeof entry === 'string' ? entry : (object?.id ?? object?._id);
    if (typeof id === 'string' && id) ids.push(id);
  }
  return ids;
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
      return message.replace(/; nothing was (pushed|listed)\./, '.').split(/(?<=\.) /)[0];
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
