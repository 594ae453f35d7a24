// Every command of the extension, by id: each one a function of the shared `Ctx`, in a file
// of its own group. The push itself lives in the push engine bundle, loaded on first use.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { pushSelection } from '../push/pushSelection';
import { addConnection, editConnection, removeConnection, selectConnection, signOut } from './connections';
import { createCampaign, pullAllCampaigns, pullCampaign, showChanges } from './roundTrip';
import { showPushLog, startSandbox } from './sandbox';

type Command = (ctx: Ctx, ...args: never[]) => unknown;

export const COMMANDS: Record<string, Command> = {
  // From the explorer with several files selected, VS Code passes the selection as the second argument.
  'koreCampaign.pushCampaign': (ctx: Ctx, uri?: unknown, selected?: unknown) =>
    pushSelection(async (one?: vscode.Uri) => (await ctx.engine()).pushCampaign(ctx, one), uri, selected),
  'koreCampaign.addConnection': addConnection,
  'koreCampaign.editConnection': editConnection,
  'koreCampaign.removeConnection': removeConnection,
  'koreCampaign.selectConnection': selectConnection,
  'koreCampaign.signOut': signOut,
  'koreCampaign.startSandbox': startSandbox,
  'koreCampaign.showPushLog': showPushLog,
  'koreCampaign.pullCampaign': pullCampaign,
  'koreCampaign.pullAllCampaigns': pullAllCampaigns,
  'koreCampaign.showChanges': showChanges,
  'koreCampaign.createCampaign': createCampaign,
  'koreCampaign.previewCallingHours': async (ctx: Ctx, target?: unknown) => (await ctx.engine()).previewCallingHours(ctx, target),
};

export function registerCommands(context: vscode.ExtensionContext, ctx: Ctx): void {
  for (const [id, command] of Object.entries(COMMANDS)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, (...args: unknown[]) => (command as (ctx: Ctx, ...rest: unknown[]) => unknown)(ctx, ...args)),
    );
  }
}
