// Creating a campaign from a file: POST the file's body, then write the id the platform gave
// into the file as `campaignId` (one line, comments kept), so the next push updates it.
// Reached from Kore.ai: Create Campaign on Platform, from a push of a file without an id, and
// from a 404 (the file names a campaign the connection does not have: remote/outcome.ts offers it).
import * as vscode from 'vscode';
import { bodyFromCampaign, preparePush } from '../../../core/src';
import type { Connection } from '../../../platform/src';
import { config } from '../config';
import { openSession, type Session } from '../connections/session';
import type { Ctx } from '../ctx';
import { writeCampaignId } from '../files/campaignId';
import { resolveCampaignTarget, type CampaignFileTarget } from '../files/target';
import { createRemoteCampaign } from '../remote/calls';
import { createButton, presentOutcome } from '../remote/outcome';
import { withCancellableProgress } from '../remote/progress';

export const ENTER_ID = 'Enter Campaign Id';

/** What a create needs of the file: its uri, name and text, and the campaign it holds. */
export type CreateSource = Pick<CampaignFileTarget, 'uri' | 'fileName' | 'text' | 'campaign'>;

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

export async function createCampaignCommand(ctx: Ctx, arg?: vscode.Uri): Promise<string | undefined> {
  const target = await resolveCampaignTarget(arg, 'create a campaign from it');
  if (!target) return undefined;
  // The push's pre-flight, under the editor's settings: what blocks a push blocks a create.
  const prepared = preparePush(target.text, config.validation(target.uri));
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
export async function createFromFile(ctx: Ctx, session: Session, source: CreateSource): Promise<string | undefined> {
  const { connection } = session;
  const body = bodyFromCampaign(source.campaign);
  const name = typeof body.name === 'string' ? body.name : source.fileName;
  ctx.log.info(`Create ${source.fileName} -> ${connection.name}`);
  const created = await withCancellableProgress(`Creating '${name}' on ${connection.name}`, (signal) =>
    createRemoteCampaign(session, body, ctx.log, signal),
  );
  if (!created.ok) {
    void presentOutcome(ctx, created.outcome, { connection, file: source });
    return undefined;
  }
  const written = (await writeCampaignId(source.uri, source.text, created.id)) === 'written';
  const where = written
    ? `Its campaignId was written into ${source.fileName}.`
    : `Add "campaignId: ${created.id}" to ${source.fileName} by hand (the file changed meanwhile).`;
  ctx.log.info(`Created ${created.id} on ${connection.name}: ${created.message}`);
  void vscode.window.showInformationMessage(
    `Creation of '${name}' on ${connection.name} is in progress (campaign ${created.id}; it is Preparing until the platform marks it Ready). ${where}`,
  );
  return created.id;
}
