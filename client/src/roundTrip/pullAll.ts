// Kore.ai: Pull All Campaigns: every campaign of the connection into one folder. The list is
// paged, each campaign is read by id (list summaries lack the dialing strategy) a few at a
// time, and files with local work are listed and asked about once before anything is written.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { campaignFilesById, writeCampaignFile } from '../files/campaignFiles';
import { conflictLine, pullAction, planPullWrite, type PullAction, type PullWrite } from './pullWrite';
import { withCancellableProgress } from '../remote/progress';
import { fetchAllCampaigns } from '../remote/calls';
import { presentOutcome } from '../remote/outcome';
import { openSession } from '../connections/session';

export const OVERWRITE_ALL = 'Overwrite Them';
export const SKIP_CHANGED = 'Skip Them';

export interface PullAllResult {
  folder: vscode.Uri;
  counts: Record<PullAction | 'skipped' | 'failed', number>;
  files: vscode.Uri[];
}

async function askFolder(connectionName: string): Promise<vscode.Uri | undefined> {
  const [picked] =
    (await vscode.window.showOpenDialog({
      title: `Pull all campaigns from ${connectionName} into which folder?`,
      openLabel: 'Pull Here',
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    })) ?? [];
  return picked;
}

export async function pullAllCampaignsCommand(ctx: Ctx): Promise<PullAllResult | undefined> {
  const session = await openSession(ctx.store, vscode.window.activeTextEditor?.document.uri, 'pull from');
  if (!session) return undefined;
  const { connection } = session;
  const folder = await askFolder(connection.name);
  if (!folder) return undefined;

  const fetched = await withCancellableProgress(`Pulling all campaigns from ${connection.name}`, (signal, report) =>
    fetchAllCampaigns(session, ctx.log, signal, (done, total, waiting) =>
      waiting ? report(`${done} of ${total} read; ${waiting}`, 0) : report(`${done} of ${total} read`, total ? 100 / total : 0),
    ),
  );
  if (!fetched.ok) {
    void presentOutcome(ctx, fetched.outcome, { connection: session.connection });
    return undefined;
  }

  const byId = await campaignFilesById(folder);
  const reserved = new Set<string>();
  const writes: PullWrite[] = [];
  for (const remote of fetched.campaigns) writes.push(await planPullWrite(remote, byId.get(remote.id), folder, reserved, ctx.git));

  const conflicts = writes.filter((w) => w.conflict);
  let skip = new Set<PullWrite>();
  if (conflicts.length) {
    const choice = await vscode.window.showWarningMessage(
      `${conflicts.length} file${conflicts.length === 1 ? ' has' : 's have'} local changes that pulling from ${connection.name} would overwrite.`,
      { modal: true, detail: conflicts.map((w) => conflictLine(w, ctx.git)).join('\n') },
      OVERWRITE_ALL,
      SKIP_CHANGED,
    );
    if (choice === undefined) return undefined;
    if (choice === SKIP_CHANGED) skip = new Set(conflicts);
  }

  const counts: PullAllResult['counts'] = { created: 0, updated: 0, unchanged: 0, skipped: skip.size, failed: fetched.failures.length };
  const files: vscode.Uri[] = [];
  for (const write of writes) {
    if (skip.has(write)) continue;
    try {
      await writeCampaignFile(write.uri, write.text);
      counts[pullAction(write)]++;
      files.push(write.uri);
      ctx.log.info(`Pull ${write.remote.id}: ${pullAction(write)} ${write.uri.fsPath}`);
    } catch (error) {
      counts.failed++;
      ctx.log.error(`Could not write ${write.uri.fsPath}: ${(error as Error).message}`);
    }
  }
  for (const failure of fetched.failures) ctx.log.error(`Could not read ${failure.campaignId}: ${failure.outcome.message}`);

  const parts = (['created', 'updated', 'unchanged', 'skipped', 'failed'] as const)
    .filter((k) => counts[k])
    .map((k) => `${counts[k]} ${k}`);
  const summary = `Pulled ${fetched.campaigns.length} campaign${fetched.campaigns.length === 1 ? '' : 's'} from ${connection.name} into ${vscode.workspace.asRelativePath(folder)}: ${parts.join(', ') || 'nothing to do'}.`;
  const show = counts.failed ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void Promise.resolve(show(summary, 'Show Log')).then((choice) => choice && ctx.log.show(true));
  return { folder, counts, files };
}
