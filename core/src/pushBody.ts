// What a push sends: built in one function so a change to what leaves the file (a field the
// platform owns, say) is one change for the editor, the CLI and the tests alike.

/** The body the API receives: the file's mapping without the local-only `campaignId` key. */
export function bodyFromCampaign(campaign: Record<string, unknown>): Record<string, unknown> {
  const { campaignId: _localOnly, ...body } = campaign;
  return body;
}
