// Push plans first: the campaign is read from the platform and compared with the file, field
// by field. Nothing changed: nothing is sent. Otherwise a modal lists the changes before a push
// to any connection but the local sandbox (unless koreCampaign.push.confirmChanges is off), and
// an Active campaign is overwritten only after an explicit "Overwrite Active Campaign".
import * as vscode from 'vscode';
import type { PlatformFailure } from '../../../platform/src';
import { config } from '../config';
import type { Session } from '../connections/session';
import { SANDBOX_CONNECTION_ID } from '../connections/store';
import type { Ctx } from '../ctx';
import { fetchCampaign, type RemoteCampaign } from '../remote/calls';
import { formatPlanValue, planFor, type RemotePlan } from '../remote/fileForm';
import { withCancellableProgress } from '../remote/progress';
import { showDiff } from '../remote/remoteView';

export const PUSH = 'Push';
export const OVERWRITE_ACTIVE = 'Overwrite Active Campaign';
export const SHOW_CHANGES = 'Show Changes';
const LISTED_CHANGES = 12;

/** `send`: go ahead; `stop`: the user was told why not, or said no; `failed`: the read failed (a 404 too). */
export type PlanDecision = { kind: 'send'; remote: RemoteCampaign } | { kind: 'stop' } | { kind: 'failed'; outcome: PlatformFailure };

export function confirmationWanted(session: Session, resource: vscode.Uri): boolean {
  if (session.connection.id === SANDBOX_CONNECTION_ID) return false;
  return config.confirmChanges(resource);
}

/** One line per changed field, then the fields the platform did not return. */
export function describePlan(plan: RemotePlan): string {
  const lines = plan.changes.slice(0, LISTED_CHANGES).map((c) => `${c.path}: ${formatPlanValue(c.platform)} → ${formatPlanValue(c.file)}`);
  if (plan.changes.length > LISTED_CHANGES) lines.push(`... and ${plan.changes.length - LISTED_CHANGES} more (Show Changes lists all)`);
  if (plan.unknownRemotely.length)
    lines.push('', `Not returned by the platform (unknown remotely): ${plan.unknownRemotely.map((u) => u.path).join(', ')}`);
  return lines.join('\n');
}

export async function planBeforePush(
  ctx: Ctx,
  session: Session,
  target: { uri: vscode.Uri; fileName: string; text: string; campaignId: string },
): Promise<PlanDecision> {
  const { connection } = session;
  const fetched = await withCancellableProgress(`Comparing ${target.fileName} with ${connection.name}`, (signal) =>
    fetchCampaign(session, target.campaignId, ctx.log, signal),
  );
  if (!fetched.ok) return { kind: 'failed', outcome: fetched.outcome };
  const remote = fetched.remote;
  const plan = planFor(target.text, remote);
  const name = remote.name ?? target.campaignId;
  const status = remote.status ? ` (${remote.status})` : '';
  ctx.log.info(
    `Plan for ${target.fileName} against ${connection.name}: ${plan.changes.length} change(s)${plan.changes.map((c) => `\n    ${c.path}`).join('')}`,
  );
  if (plan.changes.length === 0) {
    const unknown = plan.unknownRemotely.length
      ? ` (the platform did not return ${plan.unknownRemotely.map((u) => u.path).join(', ')}; those could not be compared)`
      : '';
    void vscode.window.showInformationMessage(
      `No changes: ${target.fileName} matches '${name}' on ${connection.name}${status}${unknown}. Nothing was pushed.`,
    );
    return { kind: 'stop' };
  }
  const active = remote.status === 'Active';
  if (!active && !confirmationWanted(session, target.uri)) return { kind: 'send', remote };

  const count = `${plan.changes.length} field${plan.changes.length === 1 ? '' : 's'}`;
  const question = active
    ? `'${name}' is Active on ${connection.name}: it is running now, and the platform documents that an Active campaign cannot be edited. Overwrite ${count} anyway?`
    : `Push ${target.fileName} to ${connection.name}? It changes ${count} of '${name}'${status}.`;
  const confirm = active ? OVERWRITE_ACTIVE : PUSH;
  const ask = active ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await ask(question, { modal: true, detail: describePlan(plan) }, confirm, SHOW_CHANGES);
  if (choice === confirm) return { kind: 'send', remote };
  if (choice !== SHOW_CHANGES) return { kind: 'stop' };
  // The diff needs room to be read, so the question comes back as a notification beside it.
  await showDiff(target.uri, target.fileName, target.text, session, remote);
  const again = await ask(`${question} (The changes are open beside.)`, confirm);
  return again === confirm ? { kind: 'send', remote } : { kind: 'stop' };
}
