// What every call to the platform can end in, as typed results. Parsing answers lives in
// answers.ts and the words the user reads in messages.ts; this file only names the shapes.

export interface PlatformError {
  message: string;
  /** The field as the platform named it. */
  field?: string;
  code?: string | number;
}

export interface CampaignSummary {
  id?: string;
  name?: string;
  status?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface OutcomeCommon {
  /** One sentence (or a few) that says what happened and what to do next. */
  message: string;
  /** Tries made (0 when nothing was sent). */
  attempts: number;
  /** The last HTTP status, when there was one. */
  status?: number;
  /** The last response body, verbatim (already redacted). */
  responseBody?: string;
  durationMs?: number;
}
type Common = OutcomeCommon;

/** Every way a call can fail, whatever it asked for. */
export type PlatformFailure =
  | (Common & { kind: 'invalid'; status: 400; errors: PlatformError[] })
  | (Common & { kind: 'credentials-rejected'; status: 401 | 403; errors: PlatformError[] })
  | (Common & { kind: 'not-found'; status: 404; errors: PlatformError[] })
  /**
   * 429 or 502/503/504 on every try, or a Retry-After too long to wait out; `rateLimited` when it
   * was the platform's rate limit: this request's refusals did not lift (`refused`), or it was
   * not sent (again) because another request's did not (`not-sent`).
   */
  | (Common & { kind: 'unavailable'; status: number; retryAfterMs?: number; rateLimited?: 'refused' | 'not-sent' })
  | (Common & { kind: 'http-error'; status: number; errors: PlatformError[] })
  | (Common & { kind: 'network-error'; code?: string; tls: boolean })
  | (Common & { kind: 'timeout'; timeoutMs: number })
  | (Common & { kind: 'cancelled' })
  /** Refused before sending: bad host, bad campaign id, unsafe environment. */
  | (Common & { kind: 'refused' });

export type PushOutcome =
  (Common & { kind: 'success'; status: number; campaign: CampaignSummary; platformMessage?: string }) | PlatformFailure;

export type OutcomeKind = PushOutcome['kind'];

/** A campaign as the platform returned it: `data` verbatim, the id from `_id` or `id`. */
export interface RemoteCampaign {
  id?: string;
  name?: string;
  status?: string;
  updatedAt?: string;
  data: Record<string, unknown>;
}

export type ReadOutcome = (Common & { kind: 'success'; status: number; campaign: RemoteCampaign }) | PlatformFailure;

/** One entry of the list: a summary, which has no `dialingStrategy` (read the campaign for that). */
export interface CampaignListEntry extends RemoteCampaign {
  id: string;
  dialingMode?: string;
  description?: string;
  /** The queue's name, or the flow's for Agentless. */
  connection?: string;
}

export type ListOutcome =
  | (Common & {
      kind: 'success';
      status: number;
      campaigns: CampaignListEntry[];
      pages: number;
      totalResults?: number;
      /** Results left out because they carried no usable id (`id`, `_id` or `campId`). */
      withoutId: number;
    })
  /** `campaigns` holds the pages read before the failure. */
  | (PlatformFailure & { campaigns?: CampaignListEntry[] });

/** Creation finishes on the platform after the answer (status Preparing, then Ready). */
export type CreateOutcome = (Common & { kind: 'success'; status: number; campaignId: string; platformMessage?: string }) | PlatformFailure;

/** Which call a message is about: the words differ ("nothing was pushed", "nothing was read"). */
export type PlatformAction = 'push' | 'read' | 'list' | 'create';

export interface OutcomeContext {
  /** The connection's display name. */
  connectionName: string;
  /** The campaign the call is about (none for list and create). */
  campaignId?: string;
  /** The campaign name from the file, used when the answer does not echo one. */
  campaignName?: string;
  iid: string;
  /** Default `push`. */
  action?: PlatformAction;
}
