// The time zones of the workspace's campaign files, for completion's "used in this workspace"
// ordering. Read here, through vscode.workspace (findFiles, fs), not by the server: that works
// on a local folder and on the virtual file systems of vscode.dev and github.dev alike, which a
// server in a web worker cannot reach.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
// Direct import, not the core's index: this bundle needs only the message and the line match.
import { timeZoneInText, WORKSPACE_TIME_ZONES, type WorkspaceTimeZonesParams } from '../../core/src/workspaceZones';

const CAMPAIGN_FILES = '**/*.campaign.{yaml,yml}';
const MAX_FILES = 200;
const SEND_DELAY_MS = 300;

/** The zone a campaign file names, or undefined (unreadable, or no `timezone:` line). */
async function timeZoneOf(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    return timeZoneInText(text);
  } catch {
    return undefined; // an unreadable file only means less sorting help
  }
}

/**
 * Scans now, then follows campaign files as they are created, changed and deleted (and the
 * workspace folders as they change), sending the whole list to the server after each change.
 */
export function watchWorkspaceTimeZones(client: BaseLanguageClient): vscode.Disposable {
  const zones = new Map<string, string>();
  // Watcher events per file: a read that finishes after a later event (a change read while the
  // file is being deleted) must not undo that event.
  const events = new Map<string, number>();
  const bump = (key: string) => {
    const count = (events.get(key) ?? 0) + 1;
    events.set(key, count);
    return count;
  };
  const record = (key: string, zone: string | undefined) => {
    if (zone && (zones.size < MAX_FILES || zones.has(key))) zones.set(key, zone);
    else zones.delete(key);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    if (timer) clearTimeout(timer);
    // Several files saved at once (a branch switch) make one message.
    timer = setTimeout(() => {
      const params: WorkspaceTimeZonesParams = { files: [...zones].map(([uri, timeZone]) => ({ uri, timeZone })) };
      if (client.isRunning()) void client.sendNotification(WORKSPACE_TIME_ZONES, params);
    }, SEND_DELAY_MS);
  };
  const update = async (uri: vscode.Uri) => {
    const key = uri.toString();
    const count = bump(key);
    const zone = await timeZoneOf(uri);
    if (events.get(key) !== count) return;
    record(key, zone);
    send();
  };
  const scan = async () => {
    const before = new Map(events);
    const uris = await vscode.workspace.findFiles(CAMPAIGN_FILES, '**/node_modules/**', MAX_FILES);
    const found = new Set(uris.map((uri) => uri.toString()));
    for (const key of zones.keys()) if (!found.has(key) && events.get(key) === before.get(key)) zones.delete(key);
    for (const uri of uris) {
      const key = uri.toString();
      const zone = await timeZoneOf(uri);
      if (events.get(key) === before.get(key)) record(key, zone);
    }
    send();
  };
  void scan().catch(() => undefined);
  const watcher = vscode.workspace.createFileSystemWatcher(CAMPAIGN_FILES, false, false, true);
  // Deletions of anything: a deleted folder is reported once, not file by file, and its path
  // does not match the campaign pattern.
  const deletions = vscode.workspace.createFileSystemWatcher('**', true, true, false);
  const subscriptions = [
    watcher,
    deletions,
    watcher.onDidCreate(update),
    watcher.onDidChange(update),
    deletions.onDidDelete((uri) => {
      const gone = uri.toString();
      for (const key of [...zones.keys(), ...events.keys()]) {
        if (key !== gone && !key.startsWith(`${gone}/`)) continue;
        bump(key);
        zones.delete(key);
      }
      send();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void scan().catch(() => undefined)),
  ];
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    subscriptions.forEach((s) => s.dispose());
  });
}
