// Kore.ai: Show Changes: the diff editor with the platform's campaign (in file form, read-only,
// remote/remoteView.ts) on the left and the editor's text on the right.
import * as vscode from 'vscode';
import { createFromFile } from '../create/createCampaign';
import type { Ctx } from '../ctx';
import { openSession } from '../connections/session';
import { resolveCampaignTarget } from '../files/target';
import { fetchCampaign } from '../remote/calls';
import { planFor } from '../remote/fileForm';
import { presentOutcome } from '../remote/outcome';
import { withCancellableProgress } from '../remote/progress';
import { showDiff } from '../remote/remoteView';

/** Resolves with the remote status shown (for tests and chaining), or undefined when nothing was shown. */
export async function showChangesCommand(ctx: Ctx, arg?: vscode.Uri): Promise<{ status?: string; changed: number } | undefined> {
  const target = await resolveCampaignTarget(arg, 'compare it with the platform');
  if (!target) return undefined;
  const campaignId = target.campaignId;
  if (!campaignId) {
    void vscode.window.showInformationMessage(
      `${target.fileName} has no campaignId, so there is no campaign on the platform to compare it with. Push it to create one.`,
    );
    return undefined;
  }
  const session = await openSession(ctx.store, target.uri, 'compare with');
  if (!session) return undefined;
  const fetched = await withCancellableProgress(`Reading ${campaignId} from ${session.connection.name}`, (signal) =>
    fetchCampaign(session, campaignId, ctx.log, signal),
  );
  if (!fetched.ok) {
    const createInstead = () => createFromFile(ctx, session, target);
    void presentOutcome(ctx, fetched.outcome, { connection: session.connection, file: target, createInstead });
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
