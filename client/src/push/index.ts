// The push side of the extension: connections, credentials in SecretStorage, the Push
// Campaign command, its status bar item, log and diagnostics. Everything that talks to the
// platform is in platform/src (shared with the CLI); this file only wires it into VS Code.
import * as vscode from 'vscode';
import { trackConnectionContext } from './connectionContext';
import { ConnectionStore, SANDBOX_CONNECTION_ID } from './connections';
import { LocalSandbox } from './localSandbox';
import { pickConnection } from './prompts';
import type { PushDeps } from './engine';
import { pushEngine } from './engineBundle';
import { pushSelection } from './pushSelection';
import { ConnectionStatus } from './statusBar';

export const OUTPUT_CHANNEL_NAME = 'Kore.ai Campaigns';

export function registerPushFeatures(context: vscode.ExtensionContext): void {
  const store = new ConnectionStore(context);
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const diagnostics = vscode.languages.createDiagnosticCollection('kore-campaign-push');
  const sandbox = new LocalSandbox(log);
  let deps: PushDeps | undefined;
  // Created with the engine on the first push; one serializer for the session keeps two pushes of a file in order.
  const pushDeps = (): PushDeps => (deps ??= { store, log, diagnostics, sandbox, serializer: new (pushEngine().KeyedSerializer)() });
  const status = new ConnectionStatus(store);
  context.subscriptions.push(store, log, diagnostics, sandbox, status, trackConnectionContext(store));
  void store.seedSandbox().then(() => status.update());

  const command = (id: string, handler: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown));

  // From the explorer with several files selected, VS Code passes the selection as the second argument.
  command('koreCampaign.pushCampaign', (uri?: unknown, selected?: unknown) => pushSelection((one) => pushEngine().pushCommand(pushDeps(), one), uri, selected));

  command('koreCampaign.addConnection', async () => {
    const connection = await pushEngine().addConnection(store);
    if (!connection) return;
    await store.setActive(connection);
    void vscode.window.showInformationMessage(`Connection ${connection.name} (${connection.host}) added and selected.`);
  });

  command('koreCampaign.editConnection', async () => {
    const connection = await pickConnection(store, 'Edit which connection?');
    if (!connection) return;
    const updated = await pushEngine().editConnection(store, connection);
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
    const confirm = await vscode.window.showWarningMessage(
      `Sign out of ${connection.name} (${connection.host})? Its stored credentials are deleted; the connection stays, and the next push asks for credentials again.`,
      { modal: true },
      'Sign Out',
    );
    if (confirm !== 'Sign Out') return;
    await store.deleteCredentials(connection);
    const sandboxNote = connection.id === SANDBOX_CONNECTION_ID ? ' (Add Connection > Local sandbox restores the sandbox credentials.)' : '';
    void vscode.window.showInformationMessage(`Signed out of ${connection.name}: its credentials were deleted from secret storage.${sandboxNote}`);
  });

  command('koreCampaign.startSandbox', async () => {
    if (!vscode.workspace.isTrusted) return pushEngine().explainRestrictedMode();
    const running = await sandbox.start();
    if (running) void vscode.window.showInformationMessage(`The local sandbox is listening on ${running.url} until VS Code closes. The "Local sandbox" connection pushes to it.`);
  });

  command('koreCampaign.showPushLog', () => log.show());
}
