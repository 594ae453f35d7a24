// The push side of the extension: connections, credentials in SecretStorage, the commands,
// the connection status bar item, the log and the platform's diagnostics. Everything that
// talks to the platform is in platform/src (shared with the CLI); this only wires it in.
import * as vscode from 'vscode';
import { registerCommands } from '../commands';
import type { Ctx, PushEngine } from '../ctx';
import { trackConnectionContext } from '../connections/contextKey';
import { ConnectionStore } from '../connections/store';
import type { LocalSandbox } from '../localSandbox';
import type { GitFileStatus } from '../roundTrip/localChanges';
import { ConnectionStatus } from '../connections/statusBar';
import { registerRemoteCampaignScheme } from '../roundTrip/register';

export const OUTPUT_CHANNEL_NAME = 'Kore.ai Campaigns';

/** What differs between desktop and the browser; the entry (extension.ts or web/extension.ts) decides. */
export interface PushHost {
  engine(): Promise<PushEngine>;
  /** What git says about a file before a pull overwrites it: a git process on desktop, the git extension in the browser. */
  git: GitFileStatus;
  /** The in-process sandbox: desktop only (it is a Node HTTP server). */
  localSandbox?(log: vscode.LogOutputChannel): LocalSandbox;
}

export function registerPushFeatures(context: vscode.ExtensionContext, host: PushHost): Ctx {
  const store = new ConnectionStore(context);
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  log.info(`Extension host: ${extensionHostDescription()}`);
  const platformDiagnostics = vscode.languages.createDiagnosticCollection('kore-campaign-push');
  const sandbox = host.localSandbox?.(log);
  // `isWeb` hides Start Local Sandbox in a browser, but a browser UI can also drive a Node
  // extension host (code-server, Codespaces), where the sandbox starts on that machine.
  if (sandbox) void vscode.commands.executeCommand('setContext', 'koreCampaign.localSandboxAvailable', true);
  const status = new ConnectionStatus(store);
  context.subscriptions.push(store, log, platformDiagnostics, status, trackConnectionContext(store), ...(sandbox ? [sandbox] : []));
  void store.seedSandbox().then(() => status.update());
  const ctx: Ctx = { store, log, platformDiagnostics, sandbox, git: host.git, engine: host.engine };
  registerCommands(context, ctx);
  registerRemoteCampaignScheme(context, ctx);
  return ctx;
}

/** Where this copy of the extension runs: what support (and the browser test) asks first. */
function extensionHostDescription(): string {
  const ui = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
  // `process` is Node's: a web worker extension host has none.
  const runtime = typeof process === 'undefined' ? 'a web worker (no Node.js process)' : `Node.js ${process.version}`;
  return `${runtime}, ${ui} UI (${vscode.env.appName}, VS Code ${vscode.version})`;
}
