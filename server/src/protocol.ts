// Messages of our own between the extension and the language server (besides standard LSP).

/**
 * Client -> server: the time zones of the workspace's campaign files, so completion lists
 * them first. The client reads the files (vscode.workspace.fs works on local folders and on
 * the virtual file systems of vscode.dev and github.dev, which a server in a web worker
 * cannot reach) and sends the whole list again whenever it scans.
 */
export const WORKSPACE_TIME_ZONES = 'koreCampaign/workspaceTimeZones';

export interface WorkspaceTimeZonesParams {
  files: { uri: string; timeZone: string }[];
}
