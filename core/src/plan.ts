// What a push would change: the file against the campaign on the platform, field by field,
// after normalising both (parsed values, so key order and quoting do not count; `"5"` and `5`
// do). Platform-owned fields are ignored. A field the file sets but the platform did not return
// is "unknown remotely": shown, never counted as a change (a read may be partial).
import { formatPath, type FieldPath } from './fieldPaths';
import { platformOwnedField } from './platformFields';
import { schemaAt } from './schema';

export type PlanChangeKind =
  /** Both have it, with different values. */
  | 'changed'
  /** The file adds it to a list the platform returned (e.g. one more calling window). */
  | 'added'
  /** The platform has it; the file does not set it. */
  | 'only-on-platform';

export interface PlanChange {
  /** `dialingStrategy.callingHours.days[0].start`. */
  path: string;
  kind: PlanChangeKind;
  /** Undefined for `added`. */
  platform?: unknown;
  /** Undefined for `only-on-platform`. */
  file?: unknown;
}

export interface CampaignPlan {
  campaignId?: string;
  name?: string;
  /** The campaign's status on the platform (`Active` campaigns refuse edits). */
  remoteStatus?: string;
  remoteUpdatedAt?: string;
  changes: PlanChange[];
  /** Set in the file, not returned by the platform: cannot be compared. */
  unknownRemotely: { path: string; file: unknown }[];
  /** Platform-owned fields the file carries: never sent, not compared. */
  ignored: string[];
  /** No changes (unknown-remotely fields do not count). */
  matches: boolean;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The remote campaign without platform-owned fields (and without objects left empty by that). */
export function withoutPlatformFields(value: unknown, path: FieldPath = []): unknown {
  if (Array.isArray(value)) return value.map((item, i) => withoutPlatformFields(item, [...path, i]));
  if (!isRecord(value)) return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    if (platformOwnedField([...path, key])) continue;
    const kept = withoutPlatformFields(child, [...path, key]);
    if (isRecord(kept) && Object.keys(kept).length === 0 && isRecord(child) && Object.keys(child).length > 0) continue;
    out[key] = kept;
  }
  return out;
}

/** Deep equality that tells `"5"` from `5` and ignores key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return Object.is(a, b);
}

/** Compare a campaign file's mapping with the campaign read from the platform (`data` of a get). */
export function planCampaign(file: Json, remote: Json): CampaignPlan {
  const plan: CampaignPlan = {
    campaignId: str(file.campaignId) ?? str(remote._id) ?? str(remote.id),
    name: str(file.name) ?? str(remote.name),
    remoteStatus: str(remote.status),
    remoteUpdatedAt: str(remote.updatedAt),
    changes: [],
    unknownRemotely: [],
    ignored: [],
    matches: true,
  };
  const { campaignId: _localOnly, ...body } = file;
  compare(body, withoutPlatformFields(remote), [], plan);
  plan.matches = plan.changes.length === 0;
  return plan;
}

function compare(file: unknown, remote: unknown, path: FieldPath, plan: CampaignPlan): void {
  if (isRecord(file) && isRecord(remote)) {
    for (const [key, value] of Object.entries(file)) {
      const where = [...path, key];
      if (platformOwnedField(where)) plan.ignored.push(formatPath(where));
      else if (!(key in remote) || remote[key] === undefined) plan.unknownRemotely.push({ path: formatPath(where), file: value });
      else compare(value, remote[key], where, plan);
    }
    for (const [key, value] of Object.entries(remote)) {
      const where = [...path, key];
      // Only what a write takes: a read's extra fields are not the file's business.
      if (!(key in file) && schemaAt(where)) plan.changes.push({ path: formatPath(where), kind: 'only-on-platform', platform: value });
    }
    return;
  }
  if (Array.isArray(file) && Array.isArray(remote)) {
    for (let i = 0; i < Math.max(file.length, remote.length); i++) {
      const where = formatPath([...path, i]);
      if (i >= remote.length) plan.changes.push({ path: where, kind: 'added', file: file[i] });
      else if (i >= file.length) plan.changes.push({ path: where, kind: 'only-on-platform', platform: remote[i] });
      else compare(file[i], remote[i], [...path, i], plan);
    }
    return;
  }
  if (!sameValue(file, remote)) plan.changes.push({ path: formatPath(path), kind: 'changed', platform: remote, file });
}

/** A value as a plan shows it: JSON, so `"5"` and `5` read differently. */
export function planValueText(value: unknown): string {
  return value === undefined ? '(not set)' : JSON.stringify(value);
}
