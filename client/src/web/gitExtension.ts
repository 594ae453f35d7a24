// The browser has no git process: what git knows about a file comes from VS Code's built-in git
// extension when it runs beside us (its documented API, `vscode.git`, version 1). On vscode.dev
// and github.dev it does not, so git cannot tell and a pull asks before overwriting a saved file.
import * as vscode from 'vscode';
import type { GitFileState, GitFileStatus } from '../roundTrip/localChanges';

/** The part of the git extension's API (extensions/git/src/api/git.d.ts) read here. */
interface GitChange {
  readonly uri: vscode.Uri;
  /** Status.UNTRACKED = 7, Status.IGNORED = 8 in that API. */
  readonly status: number;
}
interface GitRepository {
  /** File system paths in, the ignored ones out. */
  checkIgnore(paths: string[]): Promise<Set<string>>;
  readonly state: { readonly indexChanges: GitChange[]; readonly workingTreeChanges: GitChange[]; readonly untrackedChanges?: GitChange[] };
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

const UNTRACKED = 7;
const IGNORED = 8;

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  try {
    // An extension in another extension host (the Node one of code-server) gives no exports here.
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports?.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined;
  }
}

export const gitExtensionStatus: GitFileStatus = {
  async stateOf(uri: vscode.Uri): Promise<GitFileState | undefined> {
    const repository = (await gitApi())?.getRepository(uri);
    if (!repository) return undefined;
    const { indexChanges, workingTreeChanges, untrackedChanges = [] } = repository.state;
    const change = [...untrackedChanges, ...workingTreeChanges, ...indexChanges].find((c) => c.uri.toString() === uri.toString());
    // Ignored files are in no change list; desktop's `git status --ignored` counts them as not committed.
    if (!change) return (await repository.checkIgnore([uri.fsPath]).catch(() => new Set<string>())).size ? 'untracked' : 'clean';
    return change.status === UNTRACKED || change.status === IGNORED ? 'untracked' : 'uncommitted';
  },
  unknownReason: 'has no git status here (VS Code in the browser runs no git), so its local changes cannot be told apart',
};
