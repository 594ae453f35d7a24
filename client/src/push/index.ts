// The push side of the extension: connections, credentials in SecretStorage, the commands,
// the connection status bar item, the log and the platform's diagnostics. Everything that
// talks to the platform is in platform/src (shared with the CLI); this only wires it in.
import * as vscode from 'vscode';
import { registerCommands } from '../commands';
import type { Ctx } from '../ctx';
import { trackConnectionContext } from './connectionContext';
import { ConnectionStore } from './connections';
import { LocalSandbox } from './localSandbox';
import { ConnectionStatus } from './statusBar';

export const OUTPUT_CHANNEL_NAME = 'Kore.ai Campaigns';

export function registerPushFeatures(context: vscode.ExtensionContext): Ctx {
  const store = new ConnectionStore(context);
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const platformDiagnostics = vscode.languages.createDiagnosticCollection('kore-campaign-push');
  const sandbox = new LocalSandbox(log);
  const status = new ConnectionStatus(store);
  context.subscriptions.push(store, log, platformDiagnostics, sandbox, status, trackConnectionContext(store));
  void store.seedSandbox().then(() => status.update());
  const ctx: Ctx = { store, log, platformDiagnostics, sandbox };
  registerCommands(context, ctx);
  return ctx;
}
