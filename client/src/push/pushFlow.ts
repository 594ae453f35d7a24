// The Push Campaign command: from the editor's text to the platform, with every refusal
// explained and a next step offered. The request itself, retries and messages come from
// platform/src, shared with the CLI.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { normaliseFieldName, parseCampaign, rangeForField, setCampaignIdEdit, validateText, type CampaignDiagnostic } from '../../../core/src';
import {
  bodyFromCampaign,
  checkCampaignId,
  DEFAULT_TIMEOUT_MS,
  KeyedSerializer,
  normaliseHost,
  pushCampaign,
  type Connection,
  type PushOutcome,
} from '../../../platform/src';
import { SANDBOX_CONNECTION_ID, type ConnectionStore } from './connections';
import type { LocalSandbox } from './localSandbox';
import { addConnection, pickConnection, promptCampaignId, promptCredentials } from './prompts';
import { showResponse } from './responseDocument';

import { LANGUAGE_ID } from '../language';
const CAMPAIGN_FILE = /\.campaign\.ya?ml$/i;

export interface PushDeps {
  store: ConnectionStore;
  log: vscode.LogOutputChannel;
  diagnostics: vscode.DiagnosticCollection;
  sandbox: LocalSandbox;
  serializer: KeyedSerializer;
}

function toVsRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

async function readTarget(uri: vscode.Uri): Promise<{ text: string; document?: vscode.TextDocument; unsaved: boolean }> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  // An open editor's text is what the user sees: push that, never the (older) disk copy.
  if (document) return { text: document.getText(), document, unsaved: document.isDirty };
  const bytes = await vscode.workspace.fs.readFile(uri);
  return { text: new TextDecoder('utf-8').decode(bytes), unsaved: false };
}

function timeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration('koreCampaign').get<number>('connections.requestTimeoutSeconds', DEFAULT_TIMEOUT_MS / 1000);
  return Math.min(300, Math.max(1, Number(seconds) || DEFAULT_TIMEOUT_MS / 1000)) * 1000;
}

export async function explainRestrictedMode(): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    'Push Campaign is off in Restricted Mode: a push sends your stored credentials to a server, so it needs a trusted workspace. Validation, completion and hover keep working.',
    'Manage Workspace Trust',
  );
  if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
}

/**
 * Resolves with the outcome once the push is over (undefined when it stopped before sending);
 * the message shown to the user does not hold the command up, so callers can chain on it.
 */
export async function pushCommand(deps: PushDeps, arg?: vscode.Uri): Promise<PushOutcome | undefined> {
  if (!vscode.workspace.isTrusted) {
    void explainRestrictedMode();
    return undefined;
  }
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a *.campaign.yaml file to push it.');
    return;
  }
  const fileName = path.basename(uri.path);
  const openDocument = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!CAMPAIGN_FILE.test(uri.path) && openDocument?.languageId !== LANGUAGE_ID) {
    void vscode.window.showErrorMessage(`${fileName} is not a campaign file (*.campaign.yaml).`);
    return;
  }

  let target;
  try {
    target = await readTarget(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot read ${fileName}: ${(error as Error).message}`);
    return;
  }

  // 1. The same checks as the editor: errors stop here, warnings ask once.
  const problems = validateText(target.text);
  const errors = problems.filter((d) => d.severity === 'error');
  if (errors.length) {
    if (!target.document) await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: true });
    // Short enough not to be cut off in the toast; the problems themselves are one click away.
    void Promise.resolve(
      vscode.window.showErrorMessage(`Nothing was pushed: ${fileName} has ${errors.length} error${errors.length === 1 ? '' : 's'} (first on line ${errors[0].range.start.line + 1}).`, 'Show Problems'),
    ).then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return;
  }
  const warnings = problems.filter((d) => d.severity === 'warning');
  if (warnings.length && !(await confirmWarnings(fileName, warnings))) return;

  const parsed = parseCampaign(target.text);
  if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    void vscode.window.showErrorMessage(`${fileName} does not hold a campaign mapping; nothing was pushed.`);
    return;
  }
  const campaign = parsed.value as Record<string, unknown>;

  // 2. Where to.
  const connection = await resolveConnection(deps.store, uri);
  if (!connection) return;

  // 3. Which campaign.
  let campaignId = campaign.campaignId;
  if (campaignId === undefined || campaignId === null || campaignId === '') {
    const asked = await promptCampaignId(fileName);
    if (!asked) return;
    campaignId = asked;
    await offerToWriteCampaignId(uri, target.text, asked, fileName);
  } else {
    const bad = checkCampaignId(campaignId);
    if (bad) {
      void vscode.window.showErrorMessage(`${fileName}: ${bad}`);
      return;
    }
  }

  // 4. With what.
  let credentials = await deps.store.getCredentials(connection);
  if (!credentials) {
    const set = await vscode.window.showInformationMessage(`No credentials are stored for ${connection.name}.`, 'Enter Credentials');
    if (!set) return;
    credentials = await promptCredentials(connection);
    if (!credentials) return;
    await deps.store.setCredentials(connection, credentials);
  }

  const key = uri.toString();
  const queued = deps.serializer.busy(key);
  const body = bodyFromCampaign(campaign);
  const input = { connection, credentials, campaignId: campaignId as string, body };
  const outcome = await deps.serializer.run(key, async () =>
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Pushing ${fileName}${target.unsaved ? ' (unsaved editor contents)' : ''} to ${connection.name}`,
        cancellable: true,
      },
      async (progress, token) => {
        const abort = new AbortController();
        const subscription = token.onCancellationRequested(() => abort.abort());
        deps.log.info(`Push ${fileName} -> ${connection.name}, campaign ${String(campaignId)}${target.unsaved ? ' (unsaved editor contents; the file on disk is not read)' : ''}`);
        try {
          return await pushCampaign(input, {
            signal: abort.signal,
            timeoutMs: timeoutMs(),
            subject: 'kore-campaign-vscode',
            log: (line) => deps.log.info(line),
            onProgress: (p) => progress.report({ message: p.message }),
          });
        } finally {
          subscription.dispose();
        }
      },
    ),
  );
  if (queued) deps.log.info(`(this push waited for an earlier push of ${fileName} to finish)`);
  deps.log.info(`Result: ${outcome.message}`);
  reportOutcome(deps, outcome, { uri, fileName, text: target.text, connection, unsaved: target.unsaved });
  return outcome;
}

async function confirmWarnings(fileName: string, warnings: CampaignDiagnostic[]): Promise<boolean> {
  const shown = warnings.slice(0, 3).map((w) => `line ${w.range.start.line + 1}: ${w.message}`);
  if (warnings.length > 3) shown.push(`... and ${warnings.length - 3} more (see Problems)`);
  const choice = await vscode.window.showWarningMessage(
    `${fileName} has ${warnings.length} warning${warnings.length === 1 ? '' : 's'}. Push anyway?`,
    { modal: true, detail: shown.join('\n') },
    'Push Anyway',
  );
  return choice === 'Push Anyway';
}

async function resolveConnection(store: ConnectionStore, uri: vscode.Uri): Promise<Connection | undefined> {
  const active = store.active(uri);
  if (active) return active;
  const missing = store.missingPreference(uri);
  const message = missing
    ? `This workspace prefers the connection "${missing}", which does not exist here. Choose a connection or add one named "${missing}".`
    : 'Choose the Kore.ai connection to push to.';
  const choice = await vscode.window.showInformationMessage(message, 'Select Connection', 'Add Connection');
  if (choice === 'Add Connection') {
    const added = await addConnection(store);
    if (added) await store.setActive(added);
    return added;
  }
  if (choice === 'Select Connection') {
    const picked = await pickConnection(store, 'Push to which connection?', uri);
    if (picked) await store.setActive(picked);
    return picked;
  }
  return undefined;
}

async function offerToWriteCampaignId(uri: vscode.Uri, text: string, campaignId: string, fileName: string): Promise<void> {
  const choice = await vscode.window.showInformationMessage(
    `Write "campaignId: ${campaignId}" into ${fileName}, so the next push needs no question? (It is never sent in the body.)`,
    'Write to File',
    'Not Now',
  );
  if (choice !== 'Write to File') return;
  const edit = setCampaignIdEdit(text, campaignId);
  if (!edit) {
    void vscode.window.showWarningMessage(`Could not add campaignId to ${fileName} (its top level is not a mapping); add it by hand.`);
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== text) {
    void vscode.window.showWarningMessage(`${fileName} changed meanwhile; campaignId was not written. Add "campaignId: ${campaignId}" by hand.`);
    return;
  }
  const wasDirty = document.isDirty;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(uri, toVsRange(edit.range), edit.newText);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
    void vscode.window.showWarningMessage(`campaignId could not be written into ${fileName}.`);
    return;
  }
  // The user agreed to write the file; if it had no other unsaved changes, save it so disk and editor agree.
  if (!wasDirty) await document.save();
}

interface PushedFile {
  uri: vscode.Uri;
  fileName: string;
  text: string;
  connection: Connection;
  unsaved: boolean;
}

/** Tell the user; the buttons are handled when clicked, without holding the command. */
function reportOutcome(deps: PushDeps, outcome: PushOutcome, pushed: PushedFile): void {
  const { uri, connection } = pushed;
  const showLog = 'Show Log';
  const common = async (choice: string | undefined) => {
    if (choice === 'Show Response') await showResponse(outcome.responseBody, `response from ${connection.name} to ${pushed.fileName}`);
    else if (choice === showLog) deps.log.show(true);
  };
  const handle = (shown: Thenable<string | undefined>, extra?: (choice: string | undefined) => Promise<unknown> | void) =>
    void Promise.resolve(shown).then(async (choice) => {
      await extra?.(choice);
      await common(choice);
    });
  switch (outcome.kind) {
    case 'success': {
      deps.diagnostics.delete(uri);
      const note = pushed.unsaved ? ' The unsaved editor contents were pushed; the file on disk was not changed.' : '';
      return handle(vscode.window.showInformationMessage(`${outcome.message}${note}`, 'Show Response'));
    }
    case 'invalid': {
      const parsed = parseCampaign(pushed.text);
      const errors = outcome.errors.length ? outcome.errors : [{ message: outcome.message, field: undefined }];
      deps.diagnostics.set(
        uri,
        errors.map((error) => {
          const where = rangeForField(parsed, error.field);
          const field = error.field && !where.exact ? ` (field ${normaliseFieldName(error.field)})` : '';
          const diagnostic = new vscode.Diagnostic(toVsRange(where.range), `${connection.name}: ${error.message}${field}`, vscode.DiagnosticSeverity.Error);
          diagnostic.source = 'Kore.ai platform';
          diagnostic.code = 'push-400';
          return diagnostic;
        }),
      );
      return handle(vscode.window.showErrorMessage(outcome.message, 'Show Problems', 'Show Response'), async (choice) => {
        if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    case 'credentials-rejected':
      return handle(vscode.window.showErrorMessage(outcome.message, 'Update Credentials', showLog), async (choice) => {
        if (choice !== 'Update Credentials') return;
        const credentials = await promptCredentials(connection);
        if (!credentials) return;
        await deps.store.setCredentials(connection, credentials);
        void vscode.window.showInformationMessage(`Credentials for ${connection.name} updated. Push again to use them.`);
      });
    case 'not-found':
      return handle(vscode.window.showErrorMessage(outcome.message, 'Select Connection', showLog), async (choice) => {
        if (choice === 'Select Connection') await vscode.commands.executeCommand('koreCampaign.selectConnection');
      });
    case 'network-error': {
      let loopback = false;
      try {
        loopback = normaliseHost(connection.host).loopback;
      } catch {
        // A host that does not parse never got this far.
      }
      if (loopback && connection.id === SANDBOX_CONNECTION_ID && outcome.code === 'ECONNREFUSED' && !deps.sandbox.running) {
        const startAndPush = 'Start Local Sandbox and Push';
        return handle(vscode.window.showErrorMessage(outcome.message, startAndPush, showLog), async (choice) => {
          if (choice !== startAndPush) return;
          const port = Number(new URL(normaliseHost(connection.host).origin).port) || undefined;
          if (await deps.sandbox.start(port)) await vscode.commands.executeCommand('koreCampaign.pushCampaign', uri);
        });
      }
      return handle(vscode.window.showErrorMessage(outcome.message, showLog));
    }
    case 'cancelled':
      void vscode.window.showInformationMessage(outcome.message);
      return;
    default:
      return handle(vscode.window.showErrorMessage(outcome.message, ...(outcome.responseBody ? ['Show Response'] : []), showLog));
  }
}
