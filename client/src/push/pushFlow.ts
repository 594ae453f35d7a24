// The Push Campaign command: from the editor's text to the platform, with every refusal
// explained and a next step offered. The pre-flight (checks, campaign, id, body) is the core's
// preparePush, under the same settings as the editor's diagnostics; the request, retries and
// messages come from platform/src. Both are shared with the CLI.
import * as vscode from 'vscode';
import { preparePush, type PushReady } from '../../../core/src';
import { checkCampaignId, KeyedSerializer, type PushInput, type PushOutcome } from '../../../platform/src';
import { config } from '../config';
import { resolveConnection, resolveCredentials, type Session } from '../connections/session';
import { askCreateOrEnterId, createFromFile } from '../create/createCampaign';
import type { Ctx } from '../ctx';
import { resolveTarget, type CampaignTarget } from '../files/target';
import { sendPush } from '../remote/calls';
import { presentOutcome, type CallSubject } from '../remote/outcome';
import { planBeforePush } from './pushPlan';
import { confirmWarnings, offerToWriteCampaignId, promptCampaignId } from './pushSteps';

/** One per session (this bundle loads once): two pushes of one file run in order. */
const serializer = new KeyedSerializer();

/** The same checks as the editor, under the same settings: errors stop here, warnings ask once. */
async function preflight(ctx: Ctx, target: CampaignTarget): Promise<PushReady | undefined> {
  const prepared = preparePush(target.text, config.validation(target.uri));
  if (!prepared.ok) {
    const { errors } = prepared;
    ctx.log.warn(`Push of ${target.fileName} stopped: ${errors.length} error(s) in the file.`);
    if (!target.document) await vscode.window.showTextDocument(target.uri, { preview: false, preserveFocus: true });
    // Short enough not to be cut off in the toast; the problems themselves are one click away.
    const first = errors[0] ? ` (first on line ${errors[0].range.start.line + 1})` : '';
    void Promise.resolve(
      vscode.window.showErrorMessage(
        `Nothing was pushed: ${target.fileName} has ${errors.length} error${errors.length === 1 ? '' : 's'}${first}.`,
        'Show Problems',
      ),
    ).then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return undefined;
  }
  const warnings = prepared.diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length && !(await confirmWarnings(target.fileName, warnings))) return undefined;
  return prepared;
}

/** The file's campaign id, or one the user gives now (offering to write it into the file). */
async function resolveCampaignId(target: CampaignTarget, prepared: PushReady): Promise<string | undefined> {
  if (prepared.campaignId === undefined) {
    const asked = await promptCampaignId(target.fileName);
    if (asked) await offerToWriteCampaignId(target.uri, prepared.parsed, asked, target.fileName);
    return asked;
  }
  const bad = checkCampaignId(prepared.campaignId);
  if (bad) {
    void vscode.window.showErrorMessage(`${target.fileName}: ${bad}`);
    return undefined;
  }
  return prepared.campaignId as string;
}

function send(ctx: Ctx, target: CampaignTarget, input: PushInput): Thenable<PushOutcome> {
  const { fileName, unsaved } = target;
  const { connection } = input;
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Pushing ${fileName}${unsaved ? ' (unsaved editor contents)' : ''} to ${connection.name}`,
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      ctx.log.info(
        `Push ${fileName} -> ${connection.name}, campaign ${input.campaignId}${unsaved ? ' (unsaved editor contents; the file on disk is not read)' : ''}`,
      );
      try {
        return await sendPush(input, ctx.log, { signal: abort.signal, onProgress: (p) => progress.report({ message: p.message }) });
      } finally {
        subscription.dispose();
      }
    },
  );
}

/**
 * Resolves with the outcome once the push is over (undefined when it stopped before sending);
 * the message shown to the user does not hold the command up, so callers can chain on it.
 * Workspace trust is checked by the command table (commands/index.ts) before this runs.
 */
export async function pushCampaignCommand(ctx: Ctx, arg?: unknown): Promise<PushOutcome | undefined> {
  const target = await resolveTarget(arg, 'push it');
  if (!target) return undefined;
  const prepared = await preflight(ctx, target);
  if (!prepared) return undefined;
  const connection = await resolveConnection(ctx.store, target.uri);
  if (!connection) return undefined;
  // No campaignId: create the campaign from the file, or name an existing one.
  const choice = prepared.campaignId === undefined ? await askCreateOrEnterId(connection, target.fileName) : 'enter-id';
  if (!choice) return undefined;
  const campaignId = choice === 'create' ? '' : await resolveCampaignId(target, prepared);
  if (campaignId === undefined) return undefined;
  const credentials = await resolveCredentials(ctx.store, connection);
  if (!credentials) return undefined;

  // Create, or plan first: nothing changed sends nothing; changes are confirmed where that is wanted.
  const session: Session = { connection, credentials };
  const file = { ...target, campaign: prepared.campaign, campaignId };
  if (choice === 'create') {
    await createFromFile(ctx, session, file);
    return undefined;
  }
  const subject: CallSubject = {
    connection,
    file: { ...target, parsed: prepared.parsed },
    createInstead: () => createFromFile(ctx, session, file),
    again: { label: 'Push', run: () => vscode.commands.executeCommand('koreCampaign.pushCampaign', target.uri) },
  };
  const decision = await planBeforePush(ctx, session, file);
  if (decision.kind === 'failed') {
    void presentOutcome(ctx, decision.outcome, subject);
    return decision.outcome;
  }
  if (decision.kind === 'stop') return undefined;

  const key = target.uri.toString();
  const queued = serializer.busy(key);
  const outcome = await serializer.run(key, async () => send(ctx, target, { connection, credentials, campaignId, body: prepared.body }));
  if (queued) ctx.log.info(`(this push waited for an earlier push of ${target.fileName} to finish)`);
  void presentOutcome(ctx, outcome, subject);
  return outcome;
}
