// The push side of the extension: connections, credentials in SecretStorage, the Push
// Campaign command, its status bar item, log and diagnostics. Everything that talks to the
// platform is in platform/src (shared with the CLI); this file only wires it into VS Code.
import * as vscode from 'vscode';
import { ConnectionStore, SANDBOX_CONNECTION_ID } from './connections';
import type { LocalSandbox } from './localSandbox';
import { addConnection, editConnection, pickConnection } from './prompts';
import type { KeyedSerializer } from '../../../platform/src/serialize';
import type { explainRestrictedMode, PushDeps, pushCommand } from './pushFlow';
import { ConnectionStatus } from './statusBar';

export const OUTPUT_CHANNEL_NAME = 'Kore.ai Campaigns';

/** The push engine bundle's face (dist/pushEngine.js, dist/web/pushEngine.js): loaded on the first push. */
export interface PushEngine {
  pushCommand: typeof pushCommand;
  explainRestrictedMode: typeof explainRestrictedMode;
  KeyedSerializer: typeof KeyedSerializer;
}

/** What differs between desktop and the browser; the entry (extension.ts or web/extension.ts) decides. */
export interface PushHost {
  /** The push engine, loaded on first use (a separate bundle on both). */
  engine(): Promise<PushEngine>;
  /** The in-process sandbox: desktop only (it is a Node HTTP server). */
  localSandbox?(log: vscode.LogOutputChannel): LocalSandbox;
}

export function registerPushFeatures(context: vscode.ExtensionContext, host: PushHost): void {
  const store = new ConnectionStore(context);
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  log.info(`Extension host: ${extensionHostDescription()}`);
  const diagnostics = vscode.languages.createDiagnosticCollection('kore-campaign-push');
  const sandbox = host.localSandbox?.(log);
  // `isWeb` hides Start Local Sandbox in a browser, but a browser UI can also drive a Node
  // extension host (code-server, Codespaces), where the sandbox starts on that machine.
  if (sandbox) void vscode.commands.executeCommand('setContext', 'koreCampaign.localSandboxAvailable', true);
  let deps: PushDeps | undefined;
  // Created with the engine on the first push; one serializer for the session keeps two pushes of a file in order.
  const pushDeps = (engine: PushEngine): PushDeps => (deps ??= { store, log, diagnostics, sandbox, serializer: new engine.KeyedSerializer() });
  const status = new ConnectionStatus(store);
  context.subscriptions.push(store, log, diagnostics, status, ...(sandbox ? [sandbox] : []));
  void store.seedSandbox().then(() => status.update());

  const command = (id: string, handler: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown));

  command('koreCampaign.pushCampaign', async (uri?: vscode.Uri) => {
    const engine = await host.engine();
    return engine.pushCommand(pushDeps(engine), uri);
  });

  command('koreCampaign.addConnection', async () => {
    const connection = await addConnection(store);
    if (!connection) return;
    await store.setActive(connection);
    void vscode.window.showInformationMessage(`Connection ${connection.name} (${connection.host}) added and selected.`);
  });

  command('koreCampaign.editConnection', async () => {
    const connection = await pickConnection(store, 'Edit which connection?');
    if (!connection) return;
    const updated = await editConnection(store, connection);
    if (updated) void vscode.window.showInformationMessage(`Connection ${updated.name} updated.`);
  });

  command('koreCampaign.removeConnection', async () => {
    const connection = await pickConnection(store, 'Remove which connection?');
    if (!connection) return;
    const confirm = await vscode.window.showWarningMessage(
      `Remove the connection ${connection.name} (${connection.host}) and delete its stored credentials?`,
      { modal: true },
      'Remove',
    );
    if (confirm !== 'Remove') return;
    await store.remove(connection);
    void vscode.window.showInformationMessage(`Connection ${connection.name} removed; its credentials were deleted from secret storage.`);
  });

  command('koreCampaign.selectConnection', async () => {
    const connection = await pickConnection(store, 'Push campaigns to which connection?', vscode.window.activeTextEditor?.document.uri);
    if (!connection) return;
    await store.setActive(connection);
  });

  command('koreCampaign.signOut', async () => {
    const active = store.active(vscode.window.activeTextEditor?.document.uri);
    const connection = store.list().length > 1 || !active ? await pickConnection(store, 'Sign out of which connection?') : active;
    if (!connection) return;
    await store.deleteCredentials(connection);
    const sandboxNote = connection.id === SANDBOX_CONNECTION_ID ? ' (Add Connection > Local sandbox restores the sandbox credentials.)' : '';
    void vscode.window.showInformationMessage(`Signed out of ${connection.name}: its credentials were deleted from secret storage.${sandboxNote}`);
  });

  command('koreCampaign.startSandbox', async () => {
    // Hidden in the browser (package.json); another extension can still call it.
    if (!sandbox) return void vscode.window.showInformationMessage(LOCAL_SANDBOX_NEEDS_DESKTOP);
    if (!vscode.workspace.isTrusted) return (await host.engine()).explainRestrictedMode();
    const running = await sandbox.start();
    if (running) void vscode.window.showInformationMessage(`The local sandbox is listening on ${running.url} until VS Code closes. The "Local sandbox" connection pushes to it.`);
  });

  command('koreCampaign.showPushLog', () => log.show());
}

/** Where this copy of the extension runs: what support (and the browser test) asks first. */
function extensionHostDescription(): string {
  const ui = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
  // `process` is Node's: a web worker extension host has none.
  const runtime = typeof process === 'undefined' ? 'a web worker (no Node.js process)' : `Node.js ${process.version}`;
  return `${runtime}, ${ui} UI (${vscode.env.appName}, VS Code ${vscode.version})`;
}

export const LOCAL_SANDBOX_NEEDS_DESKTOP =
  'The local sandbox is a server on your machine, which an editor in the browser cannot start. Run `kore-campaign sandbox` in a terminal, or use desktop VS Code.';
