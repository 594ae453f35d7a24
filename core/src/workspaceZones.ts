// The time zones of the workspace's campaign files, for completion's "used in this workspace"
// ordering: found by the extension (through vscode.workspace, so virtual file systems work too)
// and sent to the language server, which reads no files. Shared by both sides of that message.

/** Client -> server: the whole list, sent again whenever it changes. */
export const WORKSPACE_TIME_ZONES = 'koreCampaign/workspaceTimeZones';

export interface WorkspaceTimeZonesParams {
  files: { uri: string; timeZone: string }[];
}

/** A campaign's time zone is near its top; a huge file is not read to its end for a sort order. */
const HEAD_CHARS = 65_536;
const TIME_ZONE_LINE = /^\s*timezone:\s*["']?([A-Za-z0-9_+\-/]+)["']?\s*(?:#.*)?$/m;

/** The zone a campaign file's text names, by a regular expression, not a parse: it only sorts. */
export function timeZoneInText(text: string): string | undefined {
  return TIME_ZONE_LINE.exec(text.slice(0, HEAD_CHARS))?.[1];
}
