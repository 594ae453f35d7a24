// What every command works with, created once at activation (rust-analyzer's `Ctx`): each
// command is a function of it, so a command can be read and tested on its own.
import type * as vscode from 'vscode';
import type { ConnectionStore } from './push/connections';

/** The local sandbox as commands see it (push/localSandbox.ts runs it in the extension host). */
export interface SandboxControl {
  /** The running sandbox, if any. */
  readonly running: { readonly url: string } | undefined;
  /** Start it (or return the running one); undefined when it could not start, already explained to the user. */
  start(port?: number): Promise<{ readonly url: string } | undefined>;
}

export interface Ctx {
  readonly store: ConnectionStore;
  /** The "Kore.ai Campaigns" output channel, at levels: info for the push log, warn and error for failures. */
  readonly log: vscode.LogOutputChannel;
  /** The platform's answers to a push (a 400's field errors); the language server owns the others. */
  readonly platformDiagnostics: vscode.DiagnosticCollection;
  readonly sandbox: SandboxControl;
}
