// Open Example Campaign, the command of the Get Started walkthrough (package.json
// contributes.walkthroughs) that is not a command of the product anyway.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../language';

export const EXAMPLE_FILE = 'billing-reminder.campaign.yaml';

/**
 * Put the example where the user works: into the first workspace folder (an existing file of
 * that name is opened, never overwritten), or an unsaved editor when no folder is open.
 */
export async function openExample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const source = vscode.Uri.joinPath(extensionUri, 'examples', EXAMPLE_FILE);
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source));
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text }));
  const target = vscode.Uri.joinPath(folder.uri, EXAMPLE_FILE);
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  return vscode.window.showTextDocument(target, { preview: false });
}
