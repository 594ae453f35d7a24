// Reading and creating campaigns: get one, list (every page), create. Each goes through the
// same pipeline as the push (token per request, retries, timeouts, cancellation, redaction).
import { createCampaignCall, getCampaignCall, listCampaignsCall } from './apiV1';
import { createAnswer, listAnswer, readAnswer, tryParseJson } from './answers';
import type { Connection } from './connection';
import type { Credentials } from './credentials';
import { createWithoutIdOutcome, failureFromResponse, unexpectedSuccessBody } from './messages';
import type { CampaignListEntry, CreateOutcome, ListOutcome, OutcomeContext, ReadOutcome } from './outcome';
import { runCall, type RequestOptions } from './pipeline';

export interface PlatformTarget {
  connection: Connection;
  credentials: Credentials;
}

function contextFor(target: PlatformTarget, action: OutcomeContext['action'], campaignId?: string, campaignName?: string): OutcomeContext {
  return { action, connectionName: target.connection.name, iid: target.connection.iid, campaignId, campaignName };
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** `GET /campaign/{id}`: the campaign as the platform holds it (possibly partial: see fileForm in core). */
export async function getCampaign(target: PlatformTarget & { campaignId: string }, options: RequestOptions = {}): Promise<ReadOutcome> {
  const context = contextFor(target, 'read', target.campaignId);
  return runCall({ ...target, call: getCampaignCall(target.campaignId), context }, options, (status, bodyText, attempts) => {
    if (!isSuccess(status)) return failureFromResponse(status, bodyText, context, attempts);
    const campaign = readAnswer(tryParseJson(bodyText), target.campaignId);
    if (!campaign) return unexpectedSuccessBody(status, bodyText, context, attempts, 'a campaign (`data` with its fields)');
    const where = target.connection.name;
    return {
      kind: 'success',
      status,
      attempts,
      responseBody: bodyText,
      campaign,
      message: `Read '${campaign.name ?? target.campaignId}' from ${where}.`,
    };
  });
}

export interface ListOptions extends RequestOptions {
  /** Asked per page; the server may send fewer (paging goes on until `hasMore` is false). */
  pageSize?: number;
  /** Each page as it arrives (for pickers that fill in the background). */
  onPage?: (entries: CampaignListEntry[], page: number) => void;
}

/** Ask for this many per page; a server that sends fewer is paged by what it sent. */
export const DEFAULT_PAGE_SIZE = 100;
/** A server that says `hasMore` forever must not keep a CLI run going forever. */
const MAX_PAGES = 10_000;

/** `POST /campaign/getAllCampaignDetails`, page after page until `hasMore` is false. */
export async function listCampaigns(target: PlatformTarget, options: ListOptions = {}): Promise<ListOutcome> {
  const context = contextFor(target, 'list');
  const limit = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const campaigns: CampaignListEntry[] = [];
  const seen = new Set<string>();
  let totalResults: number | undefined;
  let withoutId = 0;
  let skip = 0;
  let totalAttempts = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const outcome = await runCall(
      { ...target, call: listCampaignsCall({ limit, skip, page }), context },
      options,
      (status, bodyText, attempts) => {
        if (!isSuccess(status)) return failureFromResponse(status, bodyText, context, attempts);
        const parsed = listAnswer(tryParseJson(bodyText));
        if (!parsed) return unexpectedSuccessBody(status, bodyText, context, attempts, 'a list (`data.results`)');
        return { kind: 'success' as const, status, attempts, responseBody: bodyText, message: '', page: parsed };
      },
    );
    totalAttempts += outcome.attempts;
    if (outcome.kind !== 'success') return { ...outcome, attempts: totalAttempts, campaigns };
    const { entries, hasMore, totalResults: total, skipped } = outcome.page;
    totalResults = total ?? totalResults;
    withoutId += skipped;
    // A server that shifts under us (a campaign created meanwhile) may repeat an entry across pages.
    const fresh = entries.filter((entry) => !seen.has(entry.id));
    fresh.forEach((entry) => seen.add(entry.id));
    campaigns.push(...fresh);
    options.onPage?.(fresh, page);
    if (!hasMore) {
      return {
        kind: 'success',
        status: outcome.status,
        attempts: totalAttempts,
        campaigns,
        pages: page,
        totalResults,
        withoutId,
        message: `Listed ${campaigns.length} campaign${campaigns.length === 1 ? '' : 's'} on ${target.connection.name}.`,
      };
    }
    if (entries.length + skipped === 0) {
      return {
        kind: 'http-error',
        status: outcome.status,
        attempts: totalAttempts,
        errors: [],
        campaigns,
        message: `${target.connection.name} said more campaigns follow but sent an empty page (page ${page}); stopped listing after ${campaigns.length}.`,
      };
    }
    skip += entries.length + skipped;
  }
  return {
    kind: 'http-error',
    status: 200,
    attempts: totalAttempts,
    errors: [],
    campaigns,
    message: `${target.connection.name} kept saying more campaigns follow after ${MAX_PAGES} pages; stopped listing.`,
  };
}

/**
 * A 5xx after a POST may mean the campaign was created, so none is retried: only a refusal by the
 * rate limit (a 429, or its message whatever the status: refused before any work) is (see runCall).
 */
const CREATE_RETRYABLE: ReadonlySet<number> = new Set();

/** `POST /campaign?campaignType=voice`: answers before creation has finished (status Preparing). */
export async function createCampaign(
  target: PlatformTarget & { body: Record<string, unknown> },
  options: RequestOptions = {},
): Promise<CreateOutcome> {
  const name = typeof target.body.name === 'string' ? target.body.name : undefined;
  const context = contextFor(target, 'create', undefined, name);
  return runCall(
    { ...target, call: createCampaignCall(target.body), context },
    options,
    (status, bodyText, attempts) => {
      if (!isSuccess(status)) return failureFromResponse(status, bodyText, context, attempts);
      const created = createAnswer(tryParseJson(bodyText));
      if (!created) return createWithoutIdOutcome(status, bodyText, context, attempts);
      return {
        kind: 'success',
        status,
        attempts,
        responseBody: bodyText,
        campaignId: created.campaignId,
        platformMessage: created.platformMessage,
        message: `Creating '${name ?? created.campaignId}' on ${target.connection.name} as ${created.campaignId}: creation is in progress (the campaign is Preparing until the platform finishes).`,
      };
    },
    CREATE_RETRYABLE,
  );
}
