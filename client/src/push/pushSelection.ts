// Push Campaign on several files selected in the explorer: each is pushed in turn (a push may
// ask questions, so never two at once); files that are not campaigns are skipped with a note.
import * as vscode from 'vscode';

const CAMPAIGN_FILE = /\.campaign\.ya?ml$/i;

/**
 * VS Code passes the clicked file and every selected file to an explorer command. One file
 * (or none: the active editor) resolves with that push's result; several with all of them.
 */
export async function pushSelection<T>(push: (uri?: vscode.Uri) => Promise<T>, clicked?: unknown, selected?: unknown): Promise<T | T[]> {
  const uris = Array.isArray(selected) ? selected.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [];
  if (uris.length <= 1) return push(clicked instanceof vscode.Uri ? clicked : undefined);
  const campaigns = uris.filter((u) => CAMPAIGN_FILE.test(u.path));
  const skipped = uris.length - campaigns.length;
  if (skipped) {
    // uri.path is always '/'-separated (no node:path: this runs in the browser entry too).
    const names = uris.filter((u) => !campaigns.includes(u)).map((u) => u.path.slice(u.path.lastIndexOf('/') + 1));
    void vscode.window.showInformationMessage(
      `Skipped ${skipped} selected file${skipped === 1 ? '' : 's'} that ${skipped === 1 ? 'is' : 'are'} not *.campaign.yaml: ${names.join(', ')}.`,
    );
  }
  const results: T[] = [];
  for (const uri of campaigns) results.push(await push(uri));
  return results;
}
