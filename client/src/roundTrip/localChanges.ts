// Whether a campaign file holds work that a pull would overwrite: unsaved editor text, or
// changes git does not have. What git says is asked of the host (`GitFileStatus`): desktop runs
// git (./gitProcess.ts), the browser asks VS Code's git extension when it has one
// (../web/gitExtension.ts). When nothing can tell, the file counts as changed: a pull asks first.
import * as vscode from 'vscode';

export type LocalState = 'unsaved' | 'uncommitted' | 'untracked' | 'no-git' | 'clean';

/** One saved file as git sees it; undefined when git cannot tell (no repository, no git). */
export type GitFileState = 'uncommitted' | 'untracked' | 'clean';

/** The host's view of git: the one thing a pull needs to know before it overwrites a saved file. */
export interface GitFileStatus {
  stateOf(uri: vscode.Uri): Promise<GitFileState | undefined>;
  /** Why a file is 'no-git' here, after the file's name ("is not in a git repository, so ..."). */
  readonly unknownReason: string;
}

export async function localState(uri: vscode.Uri, git: GitFileStatus): Promise<LocalState> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) return 'unsaved';
  return (await git.stateOf(uri)) ?? 'no-git';
}

export function describeLocalState(state: LocalState, git: GitFileStatus): string {
  switch (state) {
    case 'unsaved':
      return 'has unsaved changes in the editor';
    case 'uncommitted':
      return 'has changes that are not committed to git';
    case 'untracked':
      return 'is not committed to git';
    case 'no-git':
      return git.unknownReason;
    default:
      return 'is committed';
  }
}
