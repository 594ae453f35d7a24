// The sandbox's campaigns, held as the platform would: the written body plus the fields the
// platform owns (lname, status, timestamps, schedule.isRecurrenceEnabled, the flow's id).
import { createHash } from 'node:crypto';

export interface StoredCampaign {
  /** The campaign as a read returns it, without its id (added per answer: `_id` or `id`). */
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  /** The flow's name as last written (reads return only its id; list summaries name it as `connection`). */
  flowName?: string;
}

/** How an answer names a campaign's id: `_id` (get one), `id` (the v1 list page, the PUT's echo) or `campId`. */
export type IdKey = '_id' | 'id' | 'campId';

/** Campaigns by id, in creation order (the list's order). */
export type CampaignStore = Map<string, StoredCampaign>;

/** The flow id the platform would hold for a flow name (a read returns the id, never the name). */
export function flowIdFor(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `cf-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** What the platform stores for a written body. */
export function storedShape(
  body: Record<string, unknown>,
  times: { createdAt: string; updatedAt: string },
  status: string,
  instance?: string,
): Record<string, unknown> {
  const { experienceFlowName, ...rest } = body;
  const schedule = rest.schedule && typeof rest.schedule === 'object' ? (rest.schedule as Record<string, unknown>) : undefined;
  const data: Record<string, unknown> = {
    ...rest,
    lname: typeof body.name === 'string' ? body.name.toLowerCase() : undefined,
    status,
    createdAt: times.createdAt,
    updatedAt: times.updatedAt,
    schedule: { ...(schedule ?? {}), isRecurrenceEnabled: schedule?.isRecurrenceEnabled ?? false },
  };
  if (typeof experienceFlowName === 'string') data.experienceFlow = flowIdFor(experienceFlowName);
  if (instance) {
    data.campaignInstanceId = instance;
    data.campaignInstanceUpdatedAt = times.updatedAt;
  }
  return data;
}

export function putCampaign(
  store: CampaignStore,
  id: string,
  body: Record<string, unknown>,
  status: string,
  now: string,
  createdAt = now,
): StoredCampaign {
  const instance = status === 'Active' || status === 'Paused' ? `ci-${id.slice(3)}` : undefined;
  const flowName = typeof body.experienceFlowName === 'string' ? body.experienceFlowName : undefined;
  const stored = { data: storedShape(body, { createdAt, updatedAt: now }, status, instance), createdAt, updatedAt: now, flowName };
  store.set(id, stored);
  return stored;
}

/** The campaign as a get-one answer's `data`: `_id` (or `id`) first, then the rest. */
export function readShape(id: string, stored: StoredCampaign, idKey: IdKey, omitted: readonly string[] = []): Record<string, unknown> {
  const data = structuredClone(stored.data);
  for (const path of omitted) {
    const parts = path.split('.');
    let parent: Record<string, unknown> | undefined = data;
    for (const part of parts.slice(0, -1))
      parent = parent?.[part] && typeof parent[part] === 'object' ? (parent[part] as Record<string, unknown>) : undefined;
    if (parent) delete parent[parts[parts.length - 1]];
  }
  return { [idKey]: id, ...data };
}

/** A list entry: the summary fields only (no dialingStrategy: read the campaign for that), its id as `idKey` names it. */
export function summaryShape(id: string, stored: StoredCampaign, idKey: IdKey = 'id'): Record<string, unknown> {
  const d = stored.data;
  const summary: Record<string, unknown> = { [idKey]: id };
  for (const key of [
    'name',
    'description',
    'priority',
    'dialingMode',
    'status',
    'createdAt',
    'updatedAt',
    'schedule',
    'campaignInstanceId',
    'campaignInstanceUpdatedAt',
    'experienceFlow',
    'contactLists',
  ]) {
    if (d[key] !== undefined) summary[key] = d[key];
  }
  summary.connection = d.dialingMode === 'Agentless' ? stored.flowName : d.queue_name;
  return summary;
}
