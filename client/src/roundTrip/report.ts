// A round-trip call (get, list, create) that did not succeed, told the way a failed push is:
// the platform client's message, and the one next step that helps.
import * as vscode from 'vscode';
import type { PushOutcome } from '../../../platform/src';
import { normaliseHost } from '../../../platform/src';
import { SANDBOX_CONNECTION_ID } from '../connections/store';
import type { RoundTripContext } from './context';
import { promptCredentials } from '../connections/prompts';
import type { Session } from '../connections/session';

const SHOW_LOG = 'Show Log';

/** Shows the failure; resolves once the user's choice (if any) has been handled. */
export async function reportFailure(ctx: RoundTripContext, session: Session, outcome: PushOutcome): Promise<void> {
  const { connection } = session;
  ctx.log.info(`Result: ${outcome.message}`);
  if (outcome.kind === 'cancelled') {
    void vscode.window.showInformationMessage(outcome.message);
    return;
  }
  if (outcome.kind === 'credentials-rejected') {
    const choice = await vscode.window.showErrorMessage(outcome.message, 'Update Credentials', SHOW_LOG);
    if (choice === SHOW_LOG) ctx.log.show(true);
    if (choice !== 'Update Credentials') return;
    const credentials = await promptCredentials(connection);
    if (!credentials) return;
    await ctx.store.setCredentials(connection, credentials);
    void vscode.window.showInformationMessage(`Credentials for ${connection.name} updated. Run the command again to use them.`);
    return;
  }
  const sandboxDown =
    outcome.kind === 'network-error' &&
    outcome.code === 'ECONNREFUSED' &&
    connection.id === SANDBOX_CONNECTION_ID &&
    ctx.sandbox !== undefined &&
    !ctx.sandbox.running;
  if (sandboxDown) {
    const start = 'Start Local Sandbox';
    const choice = await vscode.window.showErrorMessage(outcome.message, start, SHOW_LOG);
    if (choice === SHOW_LOG) ctx.log.show(true);
    if (choice === start) {
      const port = Number(new URL(normaliseHost(connection.host).origin).port) || undefined;
      if (await ctx.sandbox?.start(port)) void vscode.window.showInformationMessage('The local sandbox is running: run the command again.');
    }
    return;
  }
  const choice = await vscode.window.showErrorMessage(outcome.message, SHOW_LOG);
  if (choice === SHOW_LOG) ctx.log.show(true);
}
