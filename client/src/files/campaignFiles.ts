// The workspace's campaign files: the text the user sees, which file holds a campaignId, and
// where a pulled campaign goes: the file that already holds its campaignId (updated in place),
// else `<name-as-slug>.campaign.yaml` in the chosen folder, with a suffix when that name belongs
// to another campaign's file (never an overwrite of it).
import * as vscode from 'vscode';
import { parseCampaign } from '../../../core/src';

const CAMPAIGN_GLOB = '**/*.campaign.{yaml,yml}';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';
const decoder = new TextDecoder('utf-8');

/** The last segment of the path (uri.path is '/'-separated everywhere: no node:path in the browser bundle). */
export const fileNameOf = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** The text the user sees: the open editor's, else the file on disk. */
export async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export function campaignIdOf(text: string): string | undefined {
  // A cheap look first: most files in a big folder are parsed only when they could hold an id.
  if (!text.includes('campaignId')) return undefined;
  const value = parseCampaign(text).value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = (value as Record<string, unknown>).campaignId;
  return typeof id === 'string' && id.trim() ? id.trim() : undefined;
}

/** campaignId -> the file that holds it, for every campaign file under `folder` (or the whole workspace). */
export async function campaignFilesById(folder?: vscode.Uri): Promise<Map<string, vscode.Uri>> {
  const include = folder ? new vscode.RelativePattern(folder, CAMPAIGN_GLOB) : CAMPAIGN_GLOB;
  const files = await vscode.workspace.findFiles(include, EXCLUDE_GLOB);
  const byId = new Map<string, vscode.Uri>();
  // Sorted so that, should two files claim one id, the same one wins every time.
  files.sort((a, b) => a.toString().localeCompare(b.toString()));
  for (const uri of files) {
    const text = await currentText(uri);
    const id = text === undefined ? undefined : campaignIdOf(text);
    if (id && !byId.has(id)) byId.set(id, uri);
  }
  return byId;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A file name in `folder` for a new campaign file, not taken by any file nor by `reserved`. */
export async function freeCampaignFile(folder: vscode.Uri, slug: string, reserved: Set<string> = new Set()): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, `${slug}${n === 1 ? '' : `-${n}`}.campaign.yaml`);
    if (!reserved.has(uri.toString()) && !(await exists(uri))) return uri;
  }
}

/**
 * Writes `text` to `uri`: through the open editor when there is one (then saved, so editor and
 * disk agree), else straight to disk. Creates missing folders.
 */
export async function writeCampaignFile(uri: vscode.Uri, text: string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!open) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return;
  }
  if (open.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the editor refused the edit to ${uri.path.split('/').pop()}`);
  await open.save();
}

/** The folder to pull into: the only workspace folder, or the one the user picks. */
export async function chooseWorkspaceFolder(purpose: string): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage(`${purpose} needs a folder: open a folder or workspace first.`);
    return undefined;
  }
  if (folders.length === 1) return folders[0].uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: `${purpose}: into which workspace folder?`, ignoreFocusOut: true }))
    ?.uri;
}
