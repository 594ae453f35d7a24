// The platform's campaign shown beside the author's file (Show Changes, and "Show Changes"
// before a push): a read-only document (kore-campaign-remote:) holding the file with the
// platform's values written into it, so comments and key order match and only real
// differences show. The scheme is registered at activation (ctx.ts); its content comes from here.
import * as vscode from 'vscode';
import { REMOTE_CAMPAIGN_SCHEME } from '../language';
import type { Session } from '../connections/session';
import type { RemoteCampaign } from './calls';
import { remoteFileText } from './fileForm';

const snapshots = new Map<string, string>();
let shown = 0;
let forgetting: vscode.Disposable | undefined;

/** The platform side of a diff; kept until its document is closed. */
export function remoteCampaignContent(uri: vscode.Uri): string {
  return snapshots.get(uri.toString()) ?? '# This view has expired: run "Kore.ai: Show Changes" again.\n';
}

export function diffTitle(fileName: string, connectionName: string, status: string | undefined): string {
  return `${fileName}: ${connectionName}${status ? ` (${status})` : ''} ↔ file`;
}

/** Opens the diff for a file whose remote campaign is already fetched. */
export async function showDiff(
  file: vscode.Uri,
  fileName: string,
  localText: string,
  session: Session,
  remote: RemoteCampaign,
): Promise<void> {
  // A fresh address per view: the provider never has to announce changes, and stale views just say so.
  const left = vscode.Uri.from({
    scheme: REMOTE_CAMPAIGN_SCHEME,
    path: `/${session.connection.name.replace(/\//g, '-')}/${fileName}`,
    query: `campaign=${encodeURIComponent(remote.id)}&view=${++shown}`,
  });
  forgetting ??= forgetClosedSnapshots();
  snapshots.set(left.toString(), remoteFileText(remote, localText));
  await closeEarlierDiffs(file);
  await vscode.commands.executeCommand('vscode.diff', left, file, diffTitle(fileName, session.connection.name, remote.status), {
    preview: false,
  });
}

async function closeEarlierDiffs(file: vscode.Uri): Promise<void> {
  const earlier = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) =>
        tab.input instanceof vscode.TabInputTextDiff &&
        tab.input.original.scheme === REMOTE_CAMPAIGN_SCHEME &&
        tab.input.modified.toString() === file.toString(),
    );
  if (earlier.length) await vscode.window.tabGroups.close(earlier);
}

/** Views are dropped when their document closes (the listener lives as long as the engine). */
function forgetClosedSnapshots(): vscode.Disposable {
  return vscode.workspace.onDidCloseTextDocument((document) => {
    if (document.uri.scheme === REMOTE_CAMPAIGN_SCHEME) snapshots.delete(document.uri.toString());
  });
}
