// The Push Campaign command: from the editor's text to the platform, with every refusal
// explained and a next step offered. The pre-flight (checks, campaign, id, body) is the core's
// preparePush, under the same settings as the editor's diagnostics; the request, retries and
// messages come from platform/src. Both are shared with the CLI.
import * as vscode from 'vscode';
import { preparePush, type PushReady } from '../../../core/src';
import {
  checkCampaignId,
  DEFAULT_TIMEOUT_MS,
  KeyedSerializer,
  pushCampaign,
  type Connection,
  type PushInput,
  type PushOutcome,
} from '../../../platform/src';
import type { Ctx } from '../ctx';
import { budgetFor } from '../platformBudget';
import { LANGUAGE_ID } from '../language';
import { editorValidationOptions } from '../validationSettings';
import { promptCampaignId } from './prompts';
import { reportOutcome } from './pushOutcome';
import { confirmWarnings, explainRestrictedMode, offerToWriteCampaignId, resolveConnection, resolveCredentials } from './pushSteps';
import { askCreateOrEnterId, createFromFile } from '../roundTrip/createCampaign';
import { planBeforePush } from '../roundTrip/pushPlan';

const CAMPAIGN_FILE = /\.campaign\.ya?ml$/i;
/** One per session (this bundle loads once): two pushes of one file run in order. */
const serializer = new KeyedSerializer();

interface Target {
  uri: vscode.Uri;
  fileName: string;
  text: string;
  document?: vscode.TextDocument;
  unsaved: boolean;
}

function timeoutMs(): number {
  const seconds = vscode.workspace
    .getConfiguration('koreCampaign')
    .get<number>('connections.requestTimeoutSeconds', DEFAULT_TIMEOUT_MS / 1000);
  return Math.min(300, Math.max(1, Number(seconds) || DEFAULT_TIMEOUT_MS / 1000)) * 1000;
}

/** The campaign file to push and its text: an open editor's text is what the user sees, so that, never the older disk copy. */
async function readTarget(arg: unknown): Promise<Target | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a *.campaign.yaml file to push it.');
    return undefined;
  }
  const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!CAMPAIGN_FILE.test(uri.path) && document?.languageId !== LANGUAGE_ID) {
    void vscode.window.showErrorMessage(`${fileName} is not a campaign file (*.campaign.yaml).`);
    return undefined;
  }
  if (document) return { uri, fileName, text: document.getText(), document, unsaved: document.isDirty };
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { uri, fileName, text: new TextDecoder('utf-8').decode(bytes), unsaved: false };
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot read ${fileName}: ${(error as Error).message}`);
    return undefined;
  }
}

/** The same checks as the editor, under the same settings: errors stop here, warnings ask once. */
async function preflight(ctx: Ctx, target: Target): Promise<PushReady | undefined> {
  const prepared = preparePush(target.text, editorValidationOptions(target.uri));
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
async function resolveCampaignId(target: Target, prepared: PushReady): Promise<string | undefined> {
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

function send(ctx: Ctx, target: Target, input: PushInput): Thenable<PushOutcome> {
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
        return await pushCampaign(input, {
          signal: abort.signal,
          timeoutMs: timeoutMs(),
          subject: 'kore-campaign-vscode',
          budget: budgetFor(connection),
          log: (line) => ctx.log.info(line),
          onProgress: (p) => progress.report({ message: p.message }),
        });
      } finally {
        subscription.dispose();
      }
    },
  );
}

/**
 * Resolves with the outcome once the push is over (undefined when it stopped before sending);
 * the message shown to the user does not hold the command up, so callers can chain on it.
 */
export async function pushCampaignCommand(ctx: Ctx, arg?: unknown): Promise<PushOutcome | undefined> {
  if (!vscode.workspace.isTrusted) {
    void explainRestrictedMode();
    return undefined;
  }
  const target = await readTarget(arg);
  if (!target) return undefined;
  const prepared = await preflight(ctx, target);
  if (!prepared) return undefined;
  const connection: Connection | undefined = await resolveConnection(ctx.store, target.uri);
  if (!connection) return undefined;
  // No campaignId: create the campaign from the file, or name an existing one.
  const choice = prepared.campaignId === undefined ? await askCreateOrEnterId(connection, target.fileName) : 'enter-id';
  if (!choice) return undefined;
  const campaignId = choice === 'create' ? '' : await resolveCampaignId(target, prepared);
  if (campaignId === undefined) return undefined;
  const credentials = await resolveCredentials(ctx.store, connection);
  if (!credentials) return undefined;

  // Create, or plan first: nothing changed sends nothing; changes are confirmed where that is wanted.
  const session = { connection, credentials };
  const file = { uri: target.uri, fileName: target.fileName, text: target.text, campaign: prepared.campaign, campaignId };
  if (choice === 'create') {
    await createFromFile(ctx, session, file);
    return undefined;
  }
  const pushed = { uri: target.uri, fileName: target.fileName, parsed: prepared.parsed, connection, unsaved: target.unsaved };
  const decision = await planBeforePush(ctx, session, file);
  if (decision.kind === 'failed') {
    reportOutcome(ctx, decision.outcome, pushed);
    return decision.outcome;
  }
  if (decision.kind === 'stop') return decision.outcome;

  const key = target.uri.toString();
  const queued = serializer.busy(key);
  const outcome = await serializer.run(key, async () => send(ctx, target, { connection, credentials, campaignId, body: prepared.body }));
  if (queued) ctx.log.info(`(this push waited for an earlier push of ${target.fileName} to finish)`);
  const level = outcome.kind === 'success' ? 'info' : outcome.kind === 'cancelled' ? 'warn' : 'error';
  ctx.log[level](`Result: ${outcome.message}`);
  reportOutcome(ctx, outcome, pushed);
  return outcome;
}
