// A campaign read from the platform, in the file form the author keeps (the core's): a new file,
// the author's file with the platform's values written in, what is left to finish, and the
// field-by-field plan against a file's text.
import {
  campaignFileForm,
  fileFormNotes,
  parseCampaign,
  planCampaign,
  renderCampaignFile,
  updateCampaignFile,
  type CampaignPlan,
} from '../../../core/src';
import type { RemoteCampaign } from './calls';

export { planValueText as formatPlanValue } from '../../../core/src';
export type RemotePlan = CampaignPlan;

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
