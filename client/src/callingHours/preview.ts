// Kore.ai: Preview Calling Hours (the editor title button, the command palette, and the
// language server's code lens on `callingHours`): the week of the file's calling windows in a
// webview beside it, one preview per file. Runs from the push engine bundle, loaded on first use.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { LANGUAGE_ID } from '../language';
import { CallingHoursPanel, PREVIEW_VIEW_TYPE } from './panel';
import type { PreviewSnapshot } from './protocol';

const panels = new Map<string, CallingHoursPanel>();

/**
 * Opens (or shows again) the preview of `target` (a URI, or its string from the code lens; the
 * active campaign file when absent) and answers its state: the last model posted and what the
 * webview reported drawing (the in-editor tests read both).
 */
export async function previewCallingHours(ctx: Ctx, target?: unknown): Promise<PreviewSnapshot | undefined> {
  const uri = targetUri(target);
  if (!uri) {
    void vscode.window.showInformationMessage('Kore.ai: open a campaign file (*.campaign.yaml) to preview its calling hours.');
    return undefined;
  }
  const key = uri.toString();
  let preview = panels.get(key);
  if (preview) preview.reveal();
  else {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const webview = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      `Calling Hours: ${name}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // Nothing to load: the page carries its own script and style (html.ts).
      { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
    );
    preview = new CallingHoursPanel(ctx, uri, webview, () => panels.delete(key));
    panels.set(key, preview);
  }
  return preview.snapshot();
}

function targetUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'string' && target) {
    try {
      return vscode.Uri.parse(target, true);
    } catch {
      return undefined;
    }
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active.uri;
  return vscode.window.visibleTextEditors.find((editor) => editor.document.languageId === LANGUAGE_ID)?.document.uri;
}
