// What every command works with, created once at activation (rust-analyzer's `Ctx`): each
// command is a function of it, so a command can be read and tested on its own.
import type * as vscode from 'vscode';
import type { ConnectionStore } from './push/connections';
import type { GitFileStatus } from './roundTrip/localChanges';
import type { PushOutcome } from '../../platform/src/outcome';
import type { Connection } from '../../platform/src/connection';

/**
 * The push engine bundle's face (dist/pushEngine.js, dist/web/pushEngine.js), loaded on the
 * first push: push/pushFlow.ts's pushCampaignCommand, push/pushSteps.ts's explainRestrictedMode and
 * the connection dialogs.
 */
export interface PushEngine {
  pushCampaign(ctx: Ctx, uri?: unknown): Promise<PushOutcome | undefined>;
  explainRestrictedMode(): Promise<void>;
  /** The round trip (roundTrip/), desktop and web alike: local changes are asked of `Ctx.git`. */
  pullCampaignCommand(ctx: Ctx): Promise<unknown>;
  pullAllCampaignsCommand(ctx: Ctx): Promise<unknown>;
  showChangesCommand(ctx: Ctx, uri?: vscode.Uri): Promise<unknown>;
  createCampaignCommand(ctx: Ctx, uri?: vscode.Uri): Promise<unknown>;
  remoteCampaignContent(uri: vscode.Uri): string;
  /** Preview Calling Hours (callingHours/preview.ts): its answer is the preview's state. */
  previewCallingHours(ctx: Ctx, target?: unknown): Promise<unknown>;
  /** The connection dialogs (push/prompts.ts, a multi-step input): loaded with the engine, not at activation. */
  addConnection(store: ConnectionStore): Promise<Connection | undefined>;
  editConnection(store: ConnectionStore, connection: Connection): Promise<Connection | undefined>;
}

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
  /** Desktop only: a browser cannot start a server. */
  readonly sandbox: SandboxControl | undefined;
  /** Whether a file holds work git does not have, before a pull overwrites it (git on desktop; see PushHost). */
  readonly git: GitFileStatus;
  /** The push engine, loaded on first use (a bundle of its own, desktop and web). */
  engine(): Promise<PushEngine>;
}
