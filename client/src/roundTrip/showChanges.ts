// Kore.ai: Show Changes: the diff editor with the platform's campaign (in file form, read-only)
// on the left and the editor's text on the right. The left side is the file with the platform's
// values written into it, so comments and key order match and only real differences show.
import * as vscode from 'vscode';
import type { RoundTripContext } from './context';
import { REMOTE_CAMPAIGN_SCHEME } from '../language';
import { reportFailure } from './report';
import { withCancellableProgress } from '../remote/progress';
import { fetchCampaign, planFor, remoteFileText, type RemoteCampaign } from '../remote/calls';
import { explainRestrictedMode, openSession, type Session } from '../connections/session';
import { campaignTarget } from '../files/target';
import { offerCreateOnNotFound } from '../create/createCampaign';

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

/** Resolves with the remote status shown (for tests and chaining), or undefined when nothing was shown. */
export async function showChangesCommand(
  ctx: RoundTripContext,
  arg?: vscode.Uri,
): Promise<{ status?: string; changed: number } | undefined> {
  if (!vscode.workspace.isTrusted) {
    void explainRestrictedMode('Show Changes');
    return undefined;
  }
  const target = await campaignTarget(arg, 'compare it with the platform');
  if (!target) return undefined;
  if (!target.campaignId) {
    void vscode.window.showInformationMessage(
      `${target.fileName} has no campaignId, so there is no campaign on the platform to compare it with. Push it to create one.`,
    );
    return undefined;
  }
  const session = await openSession(ctx.store, target.uri, 'compare with');
  if (!session) return undefined;
  const campaignId = target.campaignId;
  const fetched = await withCancellableProgress(`Reading ${campaignId} from ${session.connection.name}`, (signal) =>
    fetchCampaign(session, campaignId, ctx.log, signal),
  );
  if (!fetched.ok) {
    if (fetched.outcome.kind === 'not-found') void offerCreateOnNotFound(ctx, session, target, fetched.outcome.message);
    else void reportFailure(ctx, session, fetched.outcome);
    return undefined;
  }
  await showDiff(target.uri, target.fileName, target.text, session, fetched.remote);
  const plan = planFor(target.text, fetched.remote);
  const unknown = plan.unknownRemotely.length
    ? ` Not returned by the platform (unknown remotely, not shown as changes): ${plan.unknownRemotely.map((u) => u.path).join(', ')}.`
    : '';
  const summary = plan.changes.length
    ? `${plan.changes.length} field${plan.changes.length === 1 ? '' : 's'} differ${plan.changes.length === 1 ? 's' : ''} from ${session.connection.name}: ${plan.changes.map((c) => c.path).join(', ')}.`
    : `${target.fileName} matches the campaign on ${session.connection.name}.`;
  void vscode.window.showInformationMessage(`${summary}${unknown}`);
  return { status: fetched.remote.status, changed: plan.changes.length };
}
