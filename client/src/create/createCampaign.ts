// Creating a campaign from a file: POST the file's body, then write the id the platform gave
// into the file as `campaignId` (one line, comments kept), so the next push updates it.
// Reached from Kore.ai: Create Campaign on Platform, from a push of a file without an id, and
// from a 404 (the file names a campaign the connection does not have).
import * as vscode from 'vscode';
import { bodyFromCampaign, preparePush, setCampaignIdEdit } from '../../../core/src';
import type { Connection } from '../../../platform/src';
import { editorValidationOptions } from '../validationSettings';
import type { RoundTripContext } from '../roundTrip/context';
import { currentText } from '../files/campaignFiles';
import { withCancellableProgress } from '../remote/progress';
import { createRemoteCampaign } from '../remote/calls';
import { reportFailure } from '../roundTrip/report';
import { explainRestrictedMode, openSession, type Session } from '../connections/session';
import { campaignTarget, type CampaignTarget } from '../files/target';

export const createButton = (connection: Pick<Connection, 'name'>) => `Create on ${connection.name}`;
export const ENTER_ID = 'Enter Campaign Id';

/** A push of a file without campaignId: create it, or name an existing campaign. */
export async function askCreateOrEnterId(connection: Connection, fileName: string): Promise<'create' | 'enter-id' | undefined> {
  const create = createButton(connection);
  const choice = await vscode.window.showInformationMessage(
    `${fileName} has no campaignId. Create a new campaign on ${connection.name} from it, or enter the id of an existing campaign to update?`,
    { modal: true },
    create,
    ENTER_ID,
  );
  return choice === create ? 'create' : choice === ENTER_ID ? 'enter-id' : undefined;
}

/** The file names a campaign the connection does not have: say so, and offer to create it. */
export async function offerCreateOnNotFound(
  ctx: RoundTripContext,
  session: Session,
  target: CampaignTarget,
  message: string,
): Promise<void> {
  const create = createButton(session.connection);
  const choice = await vscode.window.showErrorMessage(
    `${message} Create a new campaign from ${target.fileName} instead?`,
    create,
    'Select Connection',
  );
  if (choice === create) await createFromFile(ctx, session, target);
  else if (choice === 'Select Connection') await vscode.commands.executeCommand('koreCampaign.selectConnection');
}

export async function createCampaignCommand(ctx: RoundTripContext, arg?: vscode.Uri): Promise<string | undefined> {
  if (!vscode.workspace.isTrusted) {
    void explainRestrictedMode('Create Campaign');
    return undefined;
  }
  const target = await campaignTarget(arg, 'create a campaign from it');
  if (!target) return undefined;
  // The push's pre-flight, under the editor's settings: what blocks a push blocks a create.
  const prepared = preparePush(target.text, editorValidationOptions(target.uri));
  if (!prepared.ok) {
    const { errors } = prepared;
    const first = errors[0] ? ` (first: line ${errors[0].range.start.line + 1}, ${errors[0].message})` : '';
    void vscode.window.showErrorMessage(
      `${target.fileName} has ${errors.length} error${errors.length === 1 ? '' : 's'}${first}. Nothing was created: fix ${errors.length === 1 ? 'it' : 'them'} first.`,
    );
    return undefined;
  }
  const session = await openSession(ctx.store, target.uri, 'create the campaign on');
  if (!session) return undefined;
  if (target.campaignId) {
    const confirm = 'Create New Campaign';
    const choice = await vscode.window.showWarningMessage(
      `${target.fileName} already names campaign ${target.campaignId}. Create a new campaign on ${session.connection.name} anyway? The new id replaces it in the file.`,
      { modal: true },
      confirm,
    );
    if (choice !== confirm) return undefined;
  }
  return createFromFile(ctx, session, target);
}

/** POSTs the file's body; resolves with the new campaign's id once it is written into the file. */
export async function createFromFile(ctx: RoundTripContext, session: Session, target: CampaignTarget): Promise<string | undefined> {
  const { connection } = session;
  const body = bodyFromCampaign(target.campaign);
  const name = typeof body.name === 'string' ? body.name : target.fileName;
  ctx.log.info(`Create ${target.fileName} -> ${connection.name}`);
  const created = await withCancellableProgress(`Creating '${name}' on ${connection.name}`, (signal) =>
    createRemoteCampaign(session, body, ctx.log, signal),
  );
  if (!created.ok) {
    void reportFailure(ctx, session, created.outcome);
    return undefined;
  }
  const written = await writeCampaignId(target, created.id);
  const where = written
    ? `Its campaignId was written into ${target.fileName}.`
    : `Add "campaignId: ${created.id}" to ${target.fileName} by hand (the file changed meanwhile).`;
  ctx.log.info(`Created ${created.id} on ${connection.name}: ${created.message}`);
  void vscode.window.showInformationMessage(
    `Creation of '${name}' on ${connection.name} is in progress (campaign ${created.id}; it is Preparing until the platform marks it Ready). ${where}`,
  );
  return created.id;
}

async function writeCampaignId(target: CampaignTarget, campaignId: string): Promise<boolean> {
  // Only into the text the body came from: a file edited meanwhile gets no surprise edit.
  if ((await currentText(target.uri)) !== target.text) return false;
  const edit = setCampaignIdEdit(target.text, campaignId);
  if (!edit) return false;
  const document = await vscode.workspace.openTextDocument(target.uri);
  const wasDirty = document.isDirty;
  const workspaceEdit = new vscode.WorkspaceEdit();
  const { start, end } = edit.range;
  workspaceEdit.replace(target.uri, new vscode.Range(start.line, start.character, end.line, end.character), edit.newText);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) return false;
  // Like "Write to File" after a push: a file with no other unsaved change is saved, so disk and editor agree.
  if (!wasDirty) await document.save();
  return true;
}
