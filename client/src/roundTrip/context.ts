// What the round-trip commands use from the extension: the connections, the log and the
// local sandbox. A structural type, so the commands do not depend on how the push wires
// its own dependencies.
import type * as vscode from 'vscode';
import type { ConnectionStore } from '../connections/store';
import type { GitFileStatus } from './localChanges';

export interface RoundTripContext {
  readonly store: ConnectionStore;
  readonly log: vscode.LogOutputChannel;
  /** What git says about a file a pull would overwrite: git on desktop, the git extension (if any) in the browser. */
  readonly git: GitFileStatus;
  /** Desktop only (a browser cannot start a server). */
  readonly sandbox?: {
    readonly running: unknown;
    start(port?: number): Promise<unknown>;
  };
}
