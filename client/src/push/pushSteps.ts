// The questions a push may ask before it sends: push anyway despite warnings, which
// connection, write the campaign id into the file, which credentials.
import * as vscode from 'vscode';
import { setCampaignIdEdit, type CampaignDiagnostic, type ParsedCampaign } from '../../../core/src';
import type { Connection, Credentials } from '../../../platform/src';
import type { ConnectionStore } from '../connections/store';
import { addConnection, pickConnection, promptCredentials } from '../connections/prompts';

export function toVsRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export async function explainRestrictedMode(): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    'Push Campaign is off in Restricted Mode: a push sends your stored credentials to a server, so it needs a trusted workspace. Validation, completion and hover keep working.',
    'Manage Workspace Trust',
  );
  if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
}

export async function confirmWarnings(fileName: string, warnings: CampaignDiagnostic[]): Promise<boolean> {
  const shown = warnings.slice(0, 3).map((w) => `line ${w.range.start.line + 1}: ${w.message}`);
  if (warnings.length > 3) shown.push(`... and ${warnings.length - 3} more (see Problems)`);
  const choice = await vscode.window.showWarningMessage(
    `${fileName} has ${warnings.length} warning${warnings.length === 1 ? '' : 's'}. Push anyway?`,
    { modal: true, detail: shown.join('\n') },
    'Push Anyway',
  );
  return choice === 'Push Anyway';
}

/** The active connection, or the one the user picks or adds now; `verb` says what for (pull from, compare with...). */
export async function resolveConnection(
  store: ConnectionStore,
  uri: vscode.Uri | undefined,
  verb = 'push to',
): Promise<Connection | undefined> {
  await store.confirmPreference(uri);
  const active = store.active(uri);
  if (active) return active;
  const missing = store.missingPreference(uri);
  const message = missing
    ? `This workspace prefers the connection "${missing}", which does not exist here. Choose a connection or add one named "${missing}".`
    : `Choose the Kore.ai connection to ${verb}.`;
  const choice = await vscode.window.showInformationMessage(message, 'Select Connection', 'Add Connection');
  if (choice === 'Add Connection') {
    const added = await addConnection(store);
    if (added) await store.setActive(added);
    return added;
  }
  if (choice === 'Select Connection') {
    const picked = await pickConnection(store, `Which connection to ${verb}?`, uri);
    if (picked) await store.setActive(picked);
    return picked;
  }
  return undefined;
}

/** The stored credentials, or new ones the user enters now (stored); undefined when they decline. */
export async function resolveCredentials(store: ConnectionStore, connection: Connection): Promise<Credentials | undefined> {
  const stored = await store.getCredentials(connection);
  if (stored) return stored;
  const set = await vscode.window.showInformationMessage(`No credentials are stored for ${connection.name}.`, 'Enter Credentials');
  if (!set) return undefined;
  const credentials = await promptCredentials(connection);
  if (credentials) await store.setCredentials(connection, credentials);
  return credentials;
}

/** `parsed`: the text the push read, so the edit needs no second parse and a later change is noticed. */
export async function offerToWriteCampaignId(uri: vscode.Uri, parsed: ParsedCampaign, campaignId: string, fileName: string): Promise<void> {
  const { text } = parsed;
  const choice = await vscode.window.showInformationMessage(
    `Write "campaignId: ${campaignId}" into ${fileName}, so the next push needs no question? (It is never sent in the body.)`,
    'Write to File',
    'Not Now',
  );
  if (choice !== 'Write to File') return;
  const edit = setCampaignIdEdit(parsed, campaignId);
  if (!edit) {
    void vscode.window.showWarningMessage(`Could not add campaignId to ${fileName} (its top level is not a mapping); add it by hand.`);
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== text) {
    void vscode.window.showWarningMessage(
      `${fileName} changed meanwhile; campaignId was not written. Add "campaignId: ${campaignId}" by hand.`,
    );
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
