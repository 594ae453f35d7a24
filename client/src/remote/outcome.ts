// Telling the user how a push ended, with the next step as a button: the response, the
// platform's field errors as diagnostics, new credentials, another connection, the sandbox.
import * as vscode from 'vscode';
import { normaliseFieldName, rangeForField, type ParsedCampaign } from '../../../core/src';
import { normaliseHost, type Connection, type PushOutcome } from '../../../platform/src';
import type { Ctx } from '../ctx';
import { SANDBOX_CONNECTION_ID } from '../connections/store';
import { promptCredentials } from '../connections/prompts';
import { toVsRange } from '../push/pushSteps';
import { createButton } from '../create/createCampaign';
import { showResponse } from './responseDocument';

export interface PushedFile {
  uri: vscode.Uri;
  fileName: string;
  /** The parse the body was built from: a 400's fields are found in it. */
  parsed: ParsedCampaign;
  connection: Connection;
  unsaved: boolean;
}

/** The platform's field errors on the fields they name (or the nearest ancestor present). */
export function platformDiagnostics(outcome: Extract<PushOutcome, { kind: 'invalid' }>, pushed: PushedFile): vscode.Diagnostic[] {
  const errors = outcome.errors.length ? outcome.errors : [{ message: outcome.message, field: undefined }];
  return errors.map((error) => {
    const where = rangeForField(pushed.parsed, error.field);
    const field = error.field && !where.exact ? ` (field ${normaliseFieldName(error.field)})` : '';
    const diagnostic = new vscode.Diagnostic(
      toVsRange(where.range),
      `${pushed.connection.name}: ${error.message}${field}`,
      vscode.DiagnosticSeverity.Error,
    );
    diagnostic.source = 'Kore.ai platform';
    diagnostic.code = 'push-400';
    return diagnostic;
  });
}

function isStoppedSandbox(ctx: Ctx, connection: Connection, outcome: Extract<PushOutcome, { kind: 'network-error' }>): boolean {
  let loopback = false;
  try {
    loopback = normaliseHost(connection.host).loopback;
  } catch {
    // A host that does not parse never got this far.
  }
  return (
    loopback &&
    connection.id === SANDBOX_CONNECTION_ID &&
    outcome.code === 'ECONNREFUSED' &&
    ctx.sandbox !== undefined &&
    !ctx.sandbox.running
  );
}

/** Tell the user; the buttons are handled when clicked, without holding the command. */
export function reportOutcome(ctx: Ctx, outcome: PushOutcome, pushed: PushedFile): void {
  const { uri, connection } = pushed;
  const showLog = 'Show Log';
  const common = async (choice: string | undefined) => {
    if (choice === 'Show Response') await showResponse(outcome.responseBody, `response from ${connection.name} to ${pushed.fileName}`);
    else if (choice === showLog) ctx.log.show(true);
  };
  const handle = (shown: Thenable<string | undefined>, extra?: (choice: string | undefined) => Promise<unknown> | void) =>
    void Promise.resolve(shown).then(async (choice) => {
      await extra?.(choice);
      await common(choice);
    });
  switch (outcome.kind) {
    case 'success': {
      ctx.platformDiagnostics.delete(uri);
      const note = pushed.unsaved ? ' The unsaved editor contents were pushed; the file on disk was not changed.' : '';
      return handle(vscode.window.showInformationMessage(`${outcome.message}${note}`, 'Show Response'));
    }
    case 'invalid':
      ctx.platformDiagnostics.set(uri, platformDiagnostics(outcome, pushed));
      return handle(vscode.window.showErrorMessage(outcome.message, 'Show Problems', 'Show Response'), async (choice) => {
        if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    case 'credentials-rejected':
      return handle(vscode.window.showErrorMessage(outcome.message, 'Update Credentials', showLog), async (choice) => {
        if (choice !== 'Update Credentials') return;
        const credentials = await promptCredentials(connection);
        if (!credentials) return;
        await ctx.store.setCredentials(connection, credentials);
        void vscode.window.showInformationMessage(`Credentials for ${connection.name} updated. Push again to use them.`);
      });
    case 'not-found':
      return handle(
        vscode.window.showErrorMessage(outcome.message, createButton(connection), 'Select Connection', showLog),
        async (choice) => {
          if (choice === 'Select Connection') await vscode.commands.executeCommand('koreCampaign.selectConnection');
          if (choice === createButton(connection)) await vscode.commands.executeCommand('koreCampaign.createCampaign', pushed.uri);
        },
      );
    case 'network-error': {
      if (isStoppedSandbox(ctx, connection, outcome)) {
        const startAndPush = 'Start Local Sandbox and Push';
        return handle(vscode.window.showErrorMessage(outcome.message, startAndPush, showLog), async (choice) => {
          if (choice !== startAndPush) return;
          const port = Number(new URL(normaliseHost(connection.host).origin).port) || undefined;
          if (await ctx.sandbox?.start(port)) await vscode.commands.executeCommand('koreCampaign.pushCampaign', uri);
        });
      }
      return handle(vscode.window.showErrorMessage(outcome.message, showLog));
    }
    case 'cancelled':
      void vscode.window.showInformationMessage(outcome.message);
      return;
    default:
      return handle(vscode.window.showErrorMessage(outcome.message, ...(outcome.responseBody ? ['Show Response'] : []), showLog));
  }
}
