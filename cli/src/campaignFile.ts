// A campaign file read for the round trip: its text, parse, the core's diagnostics, and the
// problems that stop a platform call (errors, a missing or malformed campaignId).
import { parseCampaign, validateCampaign, type CampaignDiagnostic, type ParsedCampaign, type ValidationOptions } from '../../core/src';
import { checkCampaignId } from '../../platform/src';
import { readCampaignFile } from './readCampaignFile';
import { location } from './report';

export interface CampaignFile {
  path: string;
  shownName: string;
  text: string;
  parsed: ParsedCampaign;
  campaign: Record<string, unknown>;
  diagnostics: CampaignDiagnostic[];
  /** Lines saying why the file cannot be used (empty when it can). */
  problems: string[];
}

/** Read and check a campaign file (under the workspace's settings); `readError` when it cannot be read at all. */
export async function loadCampaignFile(
  absolute: string,
  shownName: string,
  options: ValidationOptions = {},
): Promise<CampaignFile | { readError: string }> {
  // The same refusals as validate (missing, folder, pipe, binary, oversized), in the same words.
  const read = await readCampaignFile(absolute);
  if ('problem' in read) return { readError: `${shownName} ${read.problem}.` };
  const text = read.text;
  // One parse for both the checks and the values: plan reads hundreds of files.
  const parsed = parseCampaign(text);
  const diagnostics = validateCampaign(parsed, options);
  const problems = diagnostics.filter((d) => d.severity === 'error').map((d) => `${location(shownName, d)} error ${d.message} [${d.code}]`);
  const value = parsed.value;
  const campaign = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { path: absolute, shownName, text, parsed, campaign, diagnostics, problems };
}

/** Problems of a file that must name an existing campaign (plan, push). */
export function campaignIdProblem(file: CampaignFile): string | undefined {
  if (file.campaign.campaignId === undefined) {
    return `${file.shownName} has no campaignId, so there is nothing on the platform to compare it with. Create the campaign with kore-campaign create ${file.shownName}, or add "campaignId: cd-...".`;
  }
  const bad = checkCampaignId(file.campaign.campaignId);
  return bad ? `${file.shownName}: ${bad}` : undefined;
}
