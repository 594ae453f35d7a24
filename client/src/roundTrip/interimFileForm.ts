// INTERIM, until core/src/fileForm.ts and core/src/plan.ts land (branch roundtrip): the file
// form of a platform campaign and the field-by-field plan, just enough to drive the editor.
import { parseDocument, stringify } from 'yaml';
import type { RemoteCampaign } from './remote';

const OWNED = new Set(['_id', 'id', 'lname', 'status', 'createdAt', 'updatedAt', 'campaignInstanceId', 'campaignInstanceUpdatedAt', 'campaignExecutionType', 'format', 'useSystemMappings', 'isFiltersEnabled', 'experienceFlow']);

function writable(remote: RemoteCampaign): Record<string, unknown> {
  const out: Record<string, unknown> = { campaignId: remote.id };
  for (const [k, v] of Object.entries(remote.data)) if (!OWNED.has(k)) out[k] = v;
  return out;
}

export function remoteFileText(remote: RemoteCampaign, existingText?: string): string {
  const fields = writable(remote);
  if (existingText === undefined) return stringify(fields);
  const doc = parseDocument(existingText);
  for (const [k, v] of Object.entries(fields)) doc.set(k, v);
  return doc.toString();
}

export interface RemotePlan {
  changes: { path: string; platform: unknown; file: unknown }[];
  unknownRemotely: string[];
}

export function planFor(text: string, remote: RemoteCampaign): RemotePlan {
  const file = (parseDocument(text).toJS() ?? {}) as Record<string, unknown>;
  const changes: RemotePlan['changes'] = [];
  const unknownRemotely: string[] = [];
  for (const [k, v] of Object.entries(file)) {
    if (k === 'campaignId' || OWNED.has(k)) continue;
    if (!(k in remote.data)) unknownRemotely.push(k);
    else if (JSON.stringify(remote.data[k]) !== JSON.stringify(v)) changes.push({ path: k, platform: remote.data[k], file: v });
  }
  return { changes, unknownRemotely };
}

export function missingRemotely(_remote: RemoteCampaign): string[] {
  return [];
}

export function formatPlanValue(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}
