// The round trip's one door to the platform client and the core's file form and plan: every
// command goes through these few functions, with the same timeout, log and token subject as a push.
import * as vscode from 'vscode';
import {
  createCampaign,
  DEFAULT_TIMEOUT_MS,
  getCampaign,
  listCampaigns,
  mapConcurrent,
  type CampaignListEntry,
  type PlatformFailure,
  type RemoteCampaign as PlatformCampaign,
  type RequestOptions,
} from '../../../platform/src';
import { budgetFor } from '../platformBudget';
import {
  campaignFileForm,
  fileFormNotes,
  parseCampaign,
  planCampaign,
  renderCampaignFile,
  updateCampaignFile,
  type CampaignPlan,
} from '../../../core/src';
import type { Session } from './session';

export { planValueText as formatPlanValue } from '../../../core/src';
export type RemotePlan = CampaignPlan;

/** A campaign read by id (its id is known: it is the one asked for). */
export type RemoteCampaign = PlatformCampaign & { id: string };
export type CampaignListItem = CampaignListEntry;
type Log = Pick<vscode.LogOutputChannel, 'info'>;

/** Reads of many campaigns at once (Pull All): few enough not to crowd the platform. */
const READ_CONCURRENCY = 4;

export function requestTimeoutMs(): number {
  const seconds = vscode.workspace
    .getConfiguration('koreCampaign')
    .get<number>('connections.requestTimeoutSeconds', DEFAULT_TIMEOUT_MS / 1000);
  return Math.min(300, Math.max(1, Number(seconds) || DEFAULT_TIMEOUT_MS / 1000)) * 1000;
}

/** Every call of a connection shares its account's request budget (../platformBudget.ts). */
function requestOptions(session: Session, log: Log, signal?: AbortSignal): RequestOptions {
  const budget = budgetFor(session.connection);
  return { timeoutMs: requestTimeoutMs(), signal, budget, subject: 'kore-campaign-vscode', log: (line) => log.info(line) };
}

export type Fetched = { ok: true; remote: RemoteCampaign } | { ok: false; outcome: PlatformFailure };

export async function fetchCampaign(
  session: Session,
  campaignId: string,
  log: Log,
  signal?: AbortSignal,
  onProgress?: RequestOptions['onProgress'],
): Promise<Fetched> {
  const outcome = await getCampaign({ ...session, campaignId }, { ...requestOptions(session, log, signal), onProgress });
  if (outcome.kind !== 'success') return { ok: false, outcome };
  return { ok: true, remote: { ...outcome.campaign, id: outcome.campaign.id ?? campaignId } };
}

/**
 * Every page of the list, each handed to `onPage` as it arrives. Resolves with the failure
 * that stopped the paging, if any (the pages before it were handed over already).
 */
export async function listCampaignPages(
  session: Session,
  log: Log,
  signal: AbortSignal,
  onPage: (entries: CampaignListItem[]) => void,
): Promise<PlatformFailure | undefined> {
  const outcome = await listCampaigns(session, { ...requestOptions(session, log, signal), onPage: (entries) => onPage(entries) });
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
  log: Log,
  signal: AbortSignal,
  onProgress: (done: number, total: number, waiting?: string) => void,
): Promise<FetchedAll> {
  const listed = await listCampaigns(session, requestOptions(session, log, signal));
  if (listed.kind !== 'success') return { ok: false, outcome: listed };
  let done = 0;
  const onWait: RequestOptions['onProgress'] = (p) => {
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
  log: Log,
  signal?: AbortSignal,
): Promise<Created> {
  const outcome = await createCampaign({ ...session, body }, requestOptions(session, log, signal));
  if (outcome.kind !== 'success') return { ok: false, outcome };
  return { ok: true, id: outcome.campaignId, message: outcome.platformMessage ?? outcome.message };
}

/**
 * The campaign in file form. With `existingText`, that file with the platform's values written
 * into it (comments, key order and keys the platform did not return stay); without, a new file.
 */
export function remoteFileText(remote: RemoteCampaign, existingText?: string): string {
  const form = campaignFileForm({ ...remote.data, _id: remote.id });
  const updated = existingText === undefined ? undefined : updateCampaignFile(existingText, form);
  return updated?.text ?? renderCampaignFile(form);
}

/** What the author must finish in a pulled file (fields the platform did not return, the flow's name). */
export function pullNotes(remote: RemoteCampaign): string[] {
  return fileFormNotes(campaignFileForm({ ...remote.data, _id: remote.id }));
}

/** The file's text against the platform's campaign, field by field. */
export function planFor(text: string, remote: RemoteCampaign): RemotePlan {
  const value = parseCampaign(text).value;
  const file = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return planCampaign(file, remote.data);
}
