// Whether a campaign file holds work that a pull would overwrite: unsaved editor text, or
// changes git does not have. Without git nothing says the file is safe, so it counts as changed.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';

export type LocalState = 'unsaved' | 'uncommitted' | 'untracked' | 'no-git' | 'clean';

const GIT_TIMEOUT_MS = 5000;

function gitStatus(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['status', '--porcelain', '--ignored=matching', '--', path.basename(file)],
      { cwd: path.dirname(file), timeout: GIT_TIMEOUT_MS, windowsHide: true },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

export async function localState(uri: vscode.Uri): Promise<LocalState> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) return 'unsaved';
  if (uri.scheme !== 'file') return 'no-git';
  const status = await gitStatus(uri.fsPath);
  if (status === undefined) return 'no-git';
  if (status.startsWith('??') || status.startsWith('!!')) return 'untracked';
  return status.trim() ? 'uncommitted' : 'clean';
}

export function describeLocalState(state: LocalState): string {
  switch (state) {
    case 'unsaved':
      return 'has unsaved changes in the editor';
    case 'uncommitted':
      return 'has changes that are not committed to git';
    case 'untracked':
      return 'is not committed to git';
    case 'no-git':
      return 'is not in a git repository, so its local changes cannot be told apart';
    default:
      return 'is committed';
  }
}
