// The time zones of the workspace's campaign files, for completion's "used in this workspace"
// ordering. Read here, through vscode.workspace (findFiles, fs), not by the server: that works
// on a local folder and on the virtual file systems of vscode.dev and github.dev alike, which a
// server in a web worker cannot reach. A regular expression, not a YAML parse: it only sorts.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { WORKSPACE_TIME_ZONES, type WorkspaceTimeZonesParams } from '../../server/src/protocol';

const CAMPAIGN_FILES = '**/*.campaign.{yaml,yml}';
const MAX_FILES = 200;
/** A campaign's time zone is near its top; a huge file is not read to its end for a sort order. */
const HEAD_CHARS = 65_536;
const TIME_ZONE_LINE = /^\s*timezone:\s*["']?([A-Za-z0-9_+\-/]+)["']?\s*(?:#.*)?$/m;
const RESCAN_DELAY_MS = 1000;

export async function scanWorkspaceTimeZones(): Promise<WorkspaceTimeZonesParams> {
  const uris = await vscode.workspace.findFiles(CAMPAIGN_FILES, '**/node_modules/**', MAX_FILES);
  const decoder = new TextDecoder('utf-8');
  const files: WorkspaceTimeZonesParams['files'] = [];
  for (const uri of uris) {
    try {
      const match = TIME_ZONE_LINE.exec(decoder.decode(await vscode.workspace.fs.readFile(uri)).slice(0, HEAD_CHARS));
      if (match) files.push({ uri: uri.toString(), timeZone: match[1] });
    } catch {
      // An unreadable file only means less sorting help.
    }
  }
  return { files };
}

/** Scans now, and again (debounced) when campaign files or workspace folders change. */
export function watchWorkspaceTimeZones(client: BaseLanguageClient): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () =>
    scanWorkspaceTimeZones().then(
      (params) => (client.isRunning() ? client.sendNotification(WORKSPACE_TIME_ZONES, params) : undefined),
      () => undefined,
    );
  const rescan = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void send(), RESCAN_DELAY_MS);
  };
  void send();
  const watcher = vscode.workspace.createFileSystemWatcher(CAMPAIGN_FILES);
  const subscriptions = [watcher, watcher.onDidCreate(rescan), watcher.onDidChange(rescan), watcher.onDidDelete(rescan), vscode.workspace.onDidChangeWorkspaceFolders(rescan)];
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    subscriptions.forEach((s) => s.dispose());
  });
}
