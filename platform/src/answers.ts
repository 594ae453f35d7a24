// Reading the platform's answers: error entries in any of the shapes Kore.ai APIs use, and the
// documented success bodies of get, list and create. Tolerant by design: `_id`, `id` or `campId`,
// extra fields kept, missing fields left missing; what cannot be read returns undefined, never throws.
import { checkCampaignId } from './connection';
import type { CampaignListEntry, CampaignSummary, PlatformError, RemoteCampaign } from './outcome';

type Json = Record<string, unknown>;

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value.trim()) return value;
  return undefined;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const record = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);

export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The messages in an error body, in any of the shapes Kore.ai APIs use. */
export function platformErrors(body: unknown): PlatformError[] {
  const root = record(body);
  if (!root) return [];
  const list = Array.isArray(root.errors) ? root.errors : Array.isArray(root.error) ? root.error : undefined;
  const out: PlatformError[] = [];
  if (list) {
    for (const item of list) {
      if (typeof item === 'string') {
        out.push({ message: item });
        continue;
      }
      const entry = record(item);
      if (!entry) continue;
      const message = firstString(entry.msg, entry.message, entry.error, entry.description) ?? JSON.stringify(entry);
      const field = firstString(entry.field, entry.path, entry.param, entry.key);
      const code = typeof entry.code === 'string' || typeof entry.code === 'number' ? entry.code : undefined;
      const error: PlatformError = { message };
      if (field) error.field = field;
      if (code !== undefined) error.code = code;
      out.push(error);
    }
    return out;
  }
  const single = firstString(root.message, root.msg, root.error);
  return single ? [{ message: single }] : [];
}

/** The words of the refusal on page rate-limit-ccai ("...Please wait for sometime before retrying."). */
export const RATE_LIMIT_MESSAGE = "You've exceeded the per-minute rate limit. Please wait for sometime before retrying.";
const RATE_LIMIT_WORDS = /exceeded the per-minute rate limit/i;

/**
 * Whether an answer is the platform's rate limit refusing the request (so it was not carried
 * out): a 429, or the documented message as the answer's error, whatever the status (the page
 * documents the message only). A success body that merely contains the words is not one.
 */
export function isRateLimitRefusal(status: number, bodyText: string): boolean {
  if (status === 429) return true;
  if (!RATE_LIMIT_WORDS.test(bodyText)) return false;
  const json = tryParseJson(bodyText);
  // A gateway's plain-text answer.
  if (json === undefined) return true;
  if (status >= 200 && status < 300 && record(json)?.status === 'success') return false;
  return platformErrors(json).some((error) => RATE_LIMIT_WORDS.test(error.message));
}

/** True when a 2xx body is JSON and does not say anything but `status: success`. */
export function isSuccessBody(json: unknown): boolean {
  const root = record(json);
  return root !== undefined && (typeof root.status !== 'string' || root.status === 'success');
}

export function campaignSummary(body: unknown): CampaignSummary {
  const root = record(body) ?? {};
  const data = record(root.data) ?? {};
  return {
    id: usableCampaignId(data.id, data._id, data.campId, root.id),
    name: str(data.name),
    status: str(data.status),
    createdAt: str(data.createdAt),
    updatedAt: str(data.updatedAt),
  };
}

/** The first of `values` that is a campaign id the product can use (write into a file, put in a URL). */
export function usableCampaignId(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && checkCampaignId(value) === undefined) return value;
  return undefined;
}

/** A campaign record from any answer: the id is `_id` (get one, delete), `id` (the PUT's echo, the v1 list, create) or `campId`. */
export function remoteCampaign(data: Json, fallbackId?: string): RemoteCampaign {
  return {
    id: usableCampaignId(data._id, data.id, data.campId) ?? fallbackId,
    name: str(data.name),
    status: str(data.status),
    updatedAt: str(data.updatedAt),
    data,
  };
}

/** The campaign in a get-one answer, or undefined when the body is not the documented shape. */
export function readAnswer(json: unknown, requestedId: string): RemoteCampaign | undefined {
  const root = record(json);
  const data = record(root?.data);
  if (!root || !data || !isSuccessBody(root)) return undefined;
  return remoteCampaign(data, usableCampaignId(root.id) ?? requestedId);
}

export interface ListPage {
  entries: CampaignListEntry[];
  hasMore: boolean;
  /** Results without an id, left out. */
  skipped: number;
  totalResults?: number;
}

/** One page of the list answer, or undefined when the body is not the documented shape. */
export function listAnswer(json: unknown): ListPage | undefined {
  const root = record(json);
  const data = record(root?.data);
  if (!root || !data || !isSuccessBody(root) || !Array.isArray(data.results)) return undefined;
  const entries: CampaignListEntry[] = [];
  let skipped = 0;
  for (const item of data.results) {
    const summary = record(item);
    const campaign = summary && remoteCampaign(summary);
    if (!summary || !campaign?.id) {
      skipped++;
      continue;
    }
    entries.push({
      ...campaign,
      id: campaign.id,
      dialingMode: str(summary.dialingMode),
      description: str(summary.description),
      connection: str(summary.connection),
    });
  }
  const totalResults = typeof data.totalResults === 'number' ? data.totalResults : undefined;
  return { entries, hasMore: data.hasMore === true, skipped, totalResults };
}

export interface CreateAnswer {
  campaignId: string;
  platformMessage?: string;
  /** The campaign's status when the answer carries the campaign (Agentless, Progressive: `Preparing`). */
  status?: string;
}

/**
 * The new campaign from a create answer, in each shape the create pages document: Preview's
 * top-level `id` with `data.campId`; Agentless' and Progressive's whole campaign in `data`, its
 * id in `data.id` (no top-level id). Undefined when no usable id is there.
 */
export function createAnswer(json: unknown): CreateAnswer | undefined {
  const root = record(json);
  if (!root || !isSuccessBody(root)) return undefined;
  const data = record(root.data);
  const campaignId = usableCampaignId(root.id, data?.campId, data?.id, data?._id);
  if (!campaignId) return undefined;
  const status = str(data?.status);
  return { campaignId, platformMessage: str(root.message), ...(status ? { status } : {}) };
}

/** The `code` of a fetch failure, digging through `cause` and AggregateError. */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const entry = current as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof entry.code === 'string' && entry.code !== 'ERR_INVALID_STATE') return entry.code;
    if (Array.isArray(entry.errors) && entry.errors.length) current = entry.errors[0];
    else current = entry.cause;
  }
  return undefined;
}

/**
 * In a browser, fetch fails with a bare `TypeError` (no code, no cause) when the request never
 * got an answer it may read: most often a server that does not allow this page's origin
 * (CORS), also an unreachable host. Node's fetch failures always carry a code in `cause`.
 */
export function isBrowserFetchFailure(error: unknown): boolean {
  return typeof process === 'undefined' && error instanceof TypeError && networkErrorCode(error) === undefined;
}
