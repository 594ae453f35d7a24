// How every platform call ends for the user, whichever command made it (push, read, list,
// create): the platform client's message (platform/src/messages.ts words it), and the one next
// step that helps as a button: the response, the platform's field errors on the file, new
// credentials, another connection, a create instead of a 404, the local sandbox started.
import * as vscode from 'vscode';
import type { ParsedCampaign } from '../../../core/src';
import { normaliseHost, type Connection, type PlatformFailure, type PushOutcome } from '../../../platform/src';
import type { Ctx } from '../ctx';
import { promptCredentials } from '../connections/prompts';
import { SANDBOX_CONNECTION_ID } from '../connections/store';
import { platformDiagnostics } from './platformDiagnostics';
import { showResponse } from './responseDocument';

const SHOW_LOG = 'Show Log';
const SHOW_RESPONSE = 'Show Response';
const SHOW_PROBLEMS = 'Show Problems';
const SELECT_CONNECTION = 'Select Connection';
const UPDATE_CREDENTIALS = 'Update Credentials';

export const createButton = (connection: Pick<Connection, 'name'>) => `Create on ${connection.name}`;

/** What the call was about, so the next step can act on it. */
export interface CallSubject {
  connection: Connection;
  /** The campaign file: named in Show Response; with `parsed` (the body's parse), a 400's errors go on its fields. */
  file?: { uri: vscode.Uri; fileName: string; parsed?: ParsedCampaign; unsaved?: boolean };
  /** Offered on a 404 (the file names a campaign the connection does not have): create it from the file. */
  createInstead?: () => Promise<unknown>;
  /** The command once more (`label` as in "Push again"), offered once what stopped it is fixed. */
  again?: { label: string; run: () => Thenable<unknown> };
}

/**
 * Logs the result and shows it; resolves once the user's choice (if any) has been handled.
 * Callers that must not wait for the user (a push resolves with its outcome) `void` it.
 */
export async function presentOutcome(ctx: Ctx, outcome: PushOutcome, subject: CallSubject): Promise<void> {
  const level = outcome.kind === 'success' ? 'info' : outcome.kind === 'cancelled' ? 'warn' : 'error';
  ctx.log[level](`Result: ${outcome.message}`);
  const { connection, file } = subject;
  const choose = async (shown: Thenable<string | undefined>, next?: (choice: string | undefined) => unknown) => {
    const choice = await shown;
    if (choice === SHOW_RESPONSE)
      await showResponse(outcome.responseBody, `response from ${connection.name}${file ? ` to ${file.fileName}` : ''}`);
    else if (choice === SHOW_LOG) ctx.log.show(true);
    else await next?.(choice);
  };
  const error = vscode.window.showErrorMessage;
  switch (outcome.kind) {
    case 'success': {
      if (file) ctx.platformDiagnostics.delete(file.uri);
      const note = file?.unsaved ? ' The unsaved editor contents were pushed; the file on disk was not changed.' : '';
      return choose(vscode.window.showInformationMessage(`${outcome.message}${note}`, SHOW_RESPONSE));
    }
    case 'cancelled':
      void vscode.window.showInformationMessage(outcome.message);
      return;
    case 'invalid':
      if (!file?.parsed) break;
      ctx.platformDiagnostics.set(file.uri, platformDiagnostics(outcome, file.parsed, connection.name));
      return choose(error(outcome.message, SHOW_PROBLEMS, SHOW_RESPONSE), async (choice) => {
        if (choice === SHOW_PROBLEMS) await vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    case 'credentials-rejected':
      return choose(error(outcome.message, UPDATE_CREDENTIALS, SHOW_LOG), async (choice) => {
        if (choice === UPDATE_CREDENTIALS) await updateCredentials(ctx, connection, subject.again);
      });
    case 'not-found': {
      const { createInstead } = subject;
      if (!file || !createInstead) break;
      const create = createButton(connection);
      const question = `${outcome.message} Create a new campaign from ${file.fileName} instead?`;
      return choose(error(question, create, SELECT_CONNECTION), async (choice) => {
        if (choice === create) await createInstead();
        else if (choice === SELECT_CONNECTION) await vscode.commands.executeCommand('koreCampaign.selectConnection');
      });
    }
    case 'network-error':
      if (stoppedSandbox(ctx, connection, outcome)) return offerSandbox(ctx, connection, outcome.message, subject.again, choose);
      break;
  }
  return choose(error(outcome.message, ...(outcome.responseBody ? [SHOW_RESPONSE] : []), SHOW_LOG));
}

async function updateCredentials(ctx: Ctx, connection: Connection, again: CallSubject['again']): Promise<void> {
  const credentials = await promptCredentials(connection);
  if (!credentials) return;
  await ctx.store.setCredentials(connection, credentials);
  void vscode.window.showInformationMessage(
    `Credentials for ${connection.name} updated. ${again ? `${again.label} again` : 'Run the command again'} to use them.`,
  );
}

/** The Local sandbox connection refused on loopback while this window's sandbox is not running: it can start here. */
function stoppedSandbox(ctx: Ctx, connection: Connection, outcome: Extract<PlatformFailure, { kind: 'network-error' }>): boolean {
  if (connection.id !== SANDBOX_CONNECTION_ID || outcome.code !== 'ECONNREFUSED' || !ctx.sandbox || ctx.sandbox.running) return false;
  try {
    return normaliseHost(connection.host).loopback;
  } catch {
    return false; // a host that does not parse never got this far
  }
}

async function offerSandbox(
  ctx: Ctx,
  connection: Connection,
  message: string,
  again: CallSubject['again'],
  choose: (shown: Thenable<string | undefined>, next: (choice: string | undefined) => unknown) => Promise<void>,
): Promise<void> {
  const start = again ? `Start Local Sandbox and ${again.label}` : 'Start Local Sandbox';
  return choose(vscode.window.showErrorMessage(message, start, SHOW_LOG), async (choice) => {
    if (choice !== start) return;
    const port = Number(new URL(normaliseHost(connection.host).origin).port) || undefined;
    if (!(await ctx.sandbox?.start(port))) return;
    if (again) await again.run();
    else void vscode.window.showInformationMessage('The local sandbox is running: run the command again.');
  });
}
