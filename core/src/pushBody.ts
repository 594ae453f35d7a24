// What a push sends: built in one function so a change to what leaves the file (a field the
// platform owns, say) is one change for the editor, the CLI and the tests alike.
import { PLATFORM_OWNED_PATHS } from './platformFields';

/**
 * The body the API receives: the file's mapping without the local-only `campaignId` key and
 * without the fields the platform owns (platformFields.ts: a read returns them, a write does
 * not take them). The caller's campaign is not changed.
 */
export function bodyFromCampaign(campaign: Record<string, unknown>): Record<string, unknown> {
  const { campaignId: _localOnly, ...body } = campaign;
  for (const path of PLATFORM_OWNED_PATHS) withoutPath(body, path);
  return body;
}

/** Removes `path` from `record`, copying each mapping on the way so the caller's campaign is untouched. */
function withoutPath(record: Record<string, unknown>, path: readonly string[]): void {
  const [head, ...rest] = path;
  if (!Object.prototype.hasOwnProperty.call(record, head)) return;
  if (rest.length === 0) {
    delete record[head];
    return;
  }
  const child = record[head];
  if (!child || typeof child !== 'object' || Array.isArray(child)) return;
  const copy = { ...(child as Record<string, unknown>) };
  withoutPath(copy, rest);
  record[head] = copy;
}
