// Reading the platform's answers: error entries in any of the shapes Kore.ai APIs use, and the
// documented success bodies of get, list and create. Tolerant by design: `_id` or `id`, extra
// fields kept, missing fields left missing; what cannot be read returns undefined, never throws.
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

/** True when a 2xx body is JSON and does not say anything but `status: success`. */
export function isSuccessBody(json: unknown): boolean {
  const root = record(json);
  return root !== undefined && (typeof root.status !== 'string' || root.status === 'success');
}

export function campaignSummary(body: unknown): CampaignSummary {
  const root = record(body) ?? {};
  const data = record(root.data) ?? {};
  return {
    id: str(data.id) ?? str(data._id) ?? str(root.id),
    name: str(data.name),
    status: str(data.status),
    createdAt: str(data.createdAt),
    updatedAt: str(data.updatedAt),
  };
}

/** A campaign record from any answer: the id is `_id` (reads) or `id` (the PUT's echo). */
export function remoteCampaign(data: Json, fallbackId?: string): RemoteCampaign {
  return {
    id: str(data._id) ?? str(data.id) ?? fallbackId,
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
  return remoteCampaign(data, str(root.id) ?? requestedId);
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

/** The new campaign's id from a create answer (`id`, or `data.campId`). */
export function createAnswer(json: unknown): { campaignId: string; platformMessage?: string } | undefined {
  const root = record(json);
  if (!root || !isSuccessBody(root)) return undefined;
  const data = record(root.data);
  const campaignId = str(root.id) ?? str(data?.campId) ?? str(data?._id) ?? str(data?.id);
  return campaignId ? { campaignId, platformMessage: str(root.message) } : undefined;
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
