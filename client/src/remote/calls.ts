// The extension's one door to the platform client: every call a command makes (push, read,
// list, create, the contact lists) goes through these functions, with its options from
// requestOptions.ts. Each resolves with a typed outcome; remote/outcome.ts tells the user.
import {
  createCampaign,
  fetchContactLists,
  getCampaign,
  listCampaigns,
  mapConcurrent,
  pushCampaign,
  type CampaignListEntry,
  type ContactListsResult,
  type Connection,
  type Credentials,
  type PlatformFailure,
  type PushInput,
  type PushOutcome,
  type RemoteCampaign as PlatformCampaign,
} from '../../../platform/src';
import type { Session } from '../connections/session';
import { requestOptions, type CallLog, type CallOptions } from './requestOptions';

/** A campaign read by id (its id is known: it is the one asked for). */
export type RemoteCampaign = PlatformCampaign & { id: string };
export type CampaignListItem = CampaignListEntry;

/** Reads of many campaigns at once (Pull All): few enough not to crowd the platform. */
const READ_CONCURRENCY = 4;
/** The contact lists are fetched in the background: a slow platform is given up on sooner than a push. */
const CONTACT_LISTS_TIMEOUT_MS = 15_000;

export function sendPush(input: PushInput, log: CallLog, call: Pick<CallOptions, 'signal' | 'onProgress'>): Promise<PushOutcome> {
  return pushCampaign(input, requestOptions(input.connection, log, call));
}

export type Fetched = { ok: true; remote: RemoteCampaign } | { ok: false; outcome: PlatformFailure };

export async function fetchCampaign(
  session: Session,
  campaignId: string,
  log: CallLog,
  signal?: AbortSignal,
  onProgress?: CallOptions['onProgress'],
): Promise<Fetched> {
  const outcome = await getCampaign({ ...session, campaignId }, requestOptions(session.connection, log, { signal, onProgress }));
  if (outcome.kind !== 'success') return { ok: false, outcome };
  return { ok: true, remote: { ...outcome.campaign, id: outcome.campaign.id ?? campaignId } };
}

/**
 * Every page of the list, each handed to `onPage` as it arrives. Resolves with the failure
 * that stopped the paging, if any (the pages before it were handed over already).
 */
export async function listCampaignPages(
  session: Session,
  log: CallLog,
  signal: AbortSignal,
  onPage: (entries: CampaignListItem[]) => void,
): Promise<PlatformFailure | undefined> {
  const outcome = await listCampaigns(session, {
    ...requestOptions(session.connection, log, { signal }),
    onPage: (entries) => onPage(entries),
  });
  return outcome.kind === 'success' ? undefined : outcome;
}

export type FetchedAll =
  | { ok: true; campaigns: RemoteCampaign[]; failures: { campaignId: string; outcome: PlatformFailure }[] }
  | { ok: false; outcome: PlatformFailure };

/**
 * The whole list, then each campaign by id (a summary lacks the dialing strategy), a few at a
 * time; `onProgress` also hears the rate limit's waits (`waiting`: what to show meanwhile).
 */
export async function fetchAllCampaigns(
  session: Session,
  log: CallLog,
  signal: AbortSignal,
  onProgress: (done: number, total: number, waiting?: string) => void,
): Promise<FetchedAll> {
  const listed = await listCampaigns(session, requestOptions(session.connection, log, { signal }));
  if (listed.kind !== 'success') return { ok: false, outcome: listed };
  let done = 0;
  const onWait: CallOptions['onProgress'] = (p) => {
    if (p.kind === 'paced' || (p.kind === 'waiting' && p.rateLimited)) onProgress(done, listed.campaigns.length, p.message);
  };
  const reads = await mapConcurrent(listed.campaigns, READ_CONCURRENCY, async (entry) => {
    const fetched = await fetchCampaign(session, entry.id, log, signal, onWait);
    onProgress(++done, listed.campaigns.length);
    return { entry, fetched };
  });
  const cancelled = reads.find((r) => !r.fetched.ok && r.fetched.outcome.kind === 'cancelled');
  if (cancelled && !cancelled.fetched.ok) return { ok: false, outcome: cancelled.fetched.outcome };
  const campaigns: RemoteCampaign[] = [];
  const failures: { campaignId: string; outcome: PlatformFailure }[] = [];
  for (const { entry, fetched } of reads) {
    if (fetched.ok) campaigns.push(fetched.remote);
    else failures.push({ campaignId: entry.id, outcome: fetched.outcome });
  }
  return { ok: true, campaigns, failures };
}

export type Created = { ok: true; id: string; message: string } | { ok: false; outcome: PlatformFailure };

export async function createRemoteCampaign(
  session: Session,
  body: Record<string, unknown>,
  log: CallLog,
  signal?: AbortSignal,
): Promise<Created> {
  const outcome = await createCampaign({ ...session, body }, requestOptions(session.connection, log, { signal }));
  if (outcome.kind !== 'success') return { ok: false, outcome };
  return { ok: true, id: outcome.campaignId, message: outcome.platformMessage ?? outcome.message };
}

/** The active connection's contact lists, for platform data (../platformData). */
export function readContactLists(
  connection: Connection,
  credentials: Credentials,
  log: CallLog,
  signal: AbortSignal,
): Promise<ContactListsResult> {
  return fetchContactLists(
    connection,
    credentials,
    requestOptions(connection, log, { signal, timeoutMs: CONTACT_LISTS_TIMEOUT_MS, logPrefix: '[contact lists] ' }),
  );
}
