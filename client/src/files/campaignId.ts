// Writing `campaignId: <id>` into a campaign file (one line; comments and key order kept), after
// a push asked for the id or a create got one. Only into the text the id belongs to: a file
// edited meanwhile gets no surprise edit. A file with no other unsaved change is saved, so
// disk and editor agree; one with unsaved changes keeps them, now with the id among them.
import * as vscode from 'vscode';
import { setCampaignIdEdit, type ParsedCampaign } from '../../../core/src';

/** `no-place`: the file's top level is not a mapping; `changed`: its text is no longer `from`'s; `refused`: the editor refused the edit. */
export type CampaignIdWrite = 'written' | 'no-place' | 'changed' | 'refused';

export function toVsRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** `from`: the text (or its parse) the id belongs to. */
export async function writeCampaignId(uri: vscode.Uri, from: string | ParsedCampaign, campaignId: string): Promise<CampaignIdWrite> {
  const edit = setCampaignIdEdit(from, campaignId);
  if (!edit) return 'no-place';
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== (typeof from === 'string' ? from : from.text)) return 'changed';
  const wasDirty = document.isDirty;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(uri, toVsRange(edit.range), edit.newText);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) return 'refused';
  if (!wasDirty) await document.save();
  return 'written';
}
