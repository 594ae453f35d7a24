// The composition root (rust-analyzer's ctx.ts): what every command works with, built once at
// activation on either host by createCtx, which also starts what lives for the whole session
// (the connection store, its status bar item and context key, the log, the platform's
// diagnostics, the read-only scheme of Show Changes). Commands are functions of the Ctx
// (commands/index.ts), so each can be read on its own; what differs by host comes in as a Host.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { trackConnectionContext } from './connections/contextKey';
import { ConnectionStatus } from './connections/statusBar';
import { ConnectionStore } from './connections/store';
import type { Connection, PushOutcome } from '../../platform/src';
import { REMOTE_CAMPAIGN_SCHEME } from './language';
import type { FetchLists, PlatformState } from './platformData/platformData';
import type { StatusRows } from './platformData/statusItem';
import type { GitFileStatus } from './roundTrip/localChanges';

/**
 * The push engine bundle's face (engine/index.ts), the same on both hosts. Written out here, not
 * `typeof` the bundle, so the root imports no feature; the entries' Host types check that each
 * bundle has it.
 */
export interface Engine {
  pushCampaignCommand(ctx: Ctx, uri?: unknown): Promise<PushOutcome | undefined>;
  pullCampaignCommand(ctx: Ctx): Promise<unknown>;
  pullAllCampaignsCommand(ctx: Ctx): Promise<unknown>;
  showChangesCommand(ctx: Ctx, uri?: vscode.Uri): Promise<unknown>;
  createCampaignCommand(ctx: Ctx, uri?: vscode.Uri): Promise<unknown>;
  /** The platform's side of Show Changes (remote/remoteView.ts), for the scheme registered here. */
  remoteCampaignContent(uri: vscode.Uri): string;
  /** Preview Calling Hours (callingHours/preview.ts): its answer is the preview's state. */
  previewCallingHours(ctx: Ctx, target?: unknown): Promise<unknown>;
  /** The connection dialogs (a multi-step input): activation only lists connections. */
  addConnection(store: ConnectionStore): Promise<Connection | undefined>;
  editConnection(store: ConnectionStore, connection: Connection): Promise<Connection | undefined>;
  /** Platform data's request (remote/calls.ts). */
  readContactLists: FetchLists;
}

/** Platform data once started (platformData/index.ts). */
export interface PlatformDataApi {
  /** What the language status rows show (for the in-editor tests). */
  status(): StatusRows;
  /** Bring the lists up to date; `force` asks the platform even when the cached ones are fresh. */
  refresh(force: boolean): Promise<PlatformState>;
}

/** The local sandbox as commands see it (localSandbox.ts runs it in a Node extension host). */
export interface SandboxControl {
  /** The running sandbox, if any. */
  readonly running: { readonly url: string } | undefined;
  /** Start it (or return the running one); undefined when it could not start, already explained to the user. */
  start(port?: number): Promise<{ readonly url: string } | undefined>;
}

/** The language client bundle's face (languageClient.ts, web/languageClient.ts). */
export interface LanguageClientBundle {
  startLanguageClient(context: vscode.ExtensionContext): BaseLanguageClient | Promise<BaseLanguageClient>;
  startPlatformData(ctx: Ctx, client: BaseLanguageClient): PlatformDataApi;
}

/** What differs between desktop (extension.ts) and the browser (web/extension.ts). */
export interface Host {
  /** Where this runs, for the message when the language server does not start (" in the browser"). */
  readonly where: string;
  /** The push engine bundle, loaded on first use. */
  engine(): Promise<Engine>;
  /** The language client bundle, loaded after activation has returned. */
  languageClient(): Promise<LanguageClientBundle>;
  /** What git says about a file before a pull overwrites it: a git process on desktop, the git extension in the browser. */
  readonly git: GitFileStatus;
  /** The in-process sandbox: desktop only (a Node HTTP server). */
  localSandbox?(log: vscode.LogOutputChannel): SandboxControl & vscode.Disposable;
}

export interface Ctx {
  readonly extension: vscode.ExtensionContext;
  readonly store: ConnectionStore;
  /** The "Kore.ai Campaigns" output channel, at levels: info for the push log, warn and error for failures. */
  readonly log: vscode.LogOutputChannel;
  /** The platform's answers to a push (a 400's field errors); the language server owns the others. */
  readonly platformDiagnostics: vscode.DiagnosticCollection;
  /** Desktop only: a browser cannot start a server. */
  readonly sandbox: SandboxControl | undefined;
  /** Whether a file holds work git does not have, before a pull overwrites it. */
  readonly git: GitFileStatus;
  /** The push engine, loaded on first use (a bundle of its own, desktop and web). */
  engine(): Promise<Engine>;
  /** Platform data (contact lists, the language status items), once the language client has started it. */
  platformData(): Promise<PlatformDataApi>;
}

export const OUTPUT_CHANNEL_NAME = 'Kore.ai Campaigns';

export function createCtx(extension: vscode.ExtensionContext, host: Host, platformData: () => Promise<PlatformDataApi>): Ctx {
  const store = new ConnectionStore(extension);
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  log.info(`Extension host: ${extensionHostDescription()}`);
  const platformDiagnostics = vscode.languages.createDiagnosticCollection('kore-campaign-push');
  const sandbox = host.localSandbox?.(log);
  // `isWeb` hides Start Local Sandbox in a browser, but a browser UI can also drive a Node
  // extension host (code-server, Codespaces), where the sandbox starts on that machine.
  if (sandbox) void vscode.commands.executeCommand('setContext', 'koreCampaign.localSandboxAvailable', true);
  const status = new ConnectionStatus(store);
  extension.subscriptions.push(store, log, platformDiagnostics, status, trackConnectionContext(store), ...(sandbox ? [sandbox] : []));
  void store.seedSandbox().then(() => status.update());
  const ctx: Ctx = { extension, store, log, platformDiagnostics, sandbox, git: host.git, engine: host.engine, platformData };
  // Each Show Changes gets a fresh address (remote/remoteView.ts), so the provider never has to signal a change.
  extension.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_CAMPAIGN_SCHEME, {
      provideTextDocumentContent: async (uri) => (await ctx.engine()).remoteCampaignContent(uri),
    }),
  );
  return ctx;
}

/** Where this copy of the extension runs: what support (and the browser test) asks first. */
function extensionHostDescription(): string {
  const ui = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
  // `process` is Node's: a web worker extension host has none.
  const runtime = typeof process === 'undefined' ? 'a web worker (no Node.js process)' : `Node.js ${process.version}`;
  return `${runtime}, ${ui} UI (${vscode.env.appName}, VS Code ${vscode.version})`;
}
