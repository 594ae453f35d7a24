// Kore.ai: Pull Campaign...: choose one of the connection's campaigns, then write it into the
// workspace in file form (the file that already has its campaignId is updated in place,
// comments kept) and open it.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { campaignFilesById, chooseWorkspaceFolder, fileNameOf, writeCampaignFile } from '../files/campaignFiles';
import { pickCampaign } from './campaignPicker';
import { conflictLine, planPullWrite, pullAction } from './pullWrite';
import { withCancellableProgress } from '../remote/progress';
import { fetchCampaign, listCampaignPages } from '../remote/calls';
import { pullNotes } from '../remote/fileForm';
import { presentOutcome } from '../remote/outcome';
import { openSession, type Session } from '../connections/session';

export const OVERWRITE = 'Overwrite Local Changes';

export async function pullCampaignCommand(ctx: Ctx): Promise<vscode.Uri | undefined> {
  const session = await openSession(ctx.store, vscode.window.activeTextEditor?.document.uri, 'pull from');
  if (!session) return undefined;
  const result = await pickCampaign(session.connection.name, (signal, onPage) => listCampaignPages(session, ctx.log, signal, onPage));
  if (result.failure) {
    void presentOutcome(ctx, result.failure, { connection: session.connection });
    return undefined;
  }
  return result.picked ? pullOne(ctx, session, result.picked.id) : undefined;
}

/** Reads one campaign and writes it into the workspace; resolves with the file, once open. */
export async function pullOne(ctx: Ctx, session: Session, campaignId: string): Promise<vscode.Uri | undefined> {
  const { connection } = session;
  const fetched = await withCancellableProgress(`Reading ${campaignId} from ${connection.name}`, (signal) =>
    fetchCampaign(session, campaignId, ctx.log, signal),
  );
  if (!fetched.ok) {
    void presentOutcome(ctx, fetched.outcome, { connection: session.connection });
    return undefined;
  }
  const remote = fetched.remote;
  const existing = (await campaignFilesById()).get(remote.id);
  const folder = existing ? vscode.Uri.joinPath(existing, '..') : await chooseWorkspaceFolder('Pull Campaign');
  if (!folder) return undefined;
  const write = await planPullWrite(remote, existing, folder, new Set(), ctx.git);
  if (write.conflict) {
    const choice = await vscode.window.showWarningMessage(
      `${conflictLine(write, ctx.git)}. Pulling '${remote.name ?? remote.id}' from ${connection.name} replaces the values that differ (comments and key order stay).`,
      { modal: true },
      OVERWRITE,
    );
    if (choice !== OVERWRITE) return undefined;
  }
  const action = pullAction(write);
  try {
    await writeCampaignFile(write.uri, write.text);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not write ${fileNameOf(write.uri)}: ${(error as Error).message}`);
    return undefined;
  }
  await vscode.window.showTextDocument(write.uri, { preview: false });
  const notes = pullNotes(remote);
  const note = notes.length ? ` ${notes.join(' ')}` : '';
  const what = action === 'created' ? 'into' : action === 'updated' ? 'and updated' : 'and found no change in';
  ctx.log.info(`Pull ${remote.id} from ${connection.name}: ${action} ${write.uri.fsPath}`);
  void vscode.window.showInformationMessage(
    `Pulled '${remote.name ?? remote.id}' from ${connection.name}${remote.status ? ` (${remote.status})` : ''} ${what} ${vscode.workspace.asRelativePath(write.uri)}.${note}`,
  );
  return write.uri;
}
