// Desktop: what `git status` says about one file (a Node child process, so never in a browser
// bundle). A file outside file:// or outside a repository, or no git at all: git cannot tell.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { GitFileState, GitFileStatus } from './localChanges';

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

export const gitProcessStatus: GitFileStatus = {
  async stateOf(uri: vscode.Uri): Promise<GitFileState | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const status = await gitStatus(uri.fsPath);
    if (status === undefined) return undefined;
    if (status.startsWith('??') || status.startsWith('!!')) return 'untracked';
    return status.trim() ? 'uncommitted' : 'clean';
  },
  unknownReason: 'is not in a git repository, so its local changes cannot be told apart',
};
