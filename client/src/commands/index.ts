// Every command of the extension, in one table (rust-analyzer's createCommands()): the same
// table is registered on desktop and in the browser (main.ts). An entry says what the command
// needs before it runs: a trusted workspace (it sends stored credentials to a server), or a host
// that can run it (hidden elsewhere by a `when` clause in package.json; if invoked anyway, it
// says why instead). The work itself is a function of the Ctx, often in the push engine bundle.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { pushSelection } from '../push/pushSelection';
import { addConnection, editConnection, removeConnection, selectConnection, signOut } from './connections';
import { LOCAL_SANDBOX_NEEDS_DESKTOP, showPushLog, startSandbox } from './sandbox';
import { explainRestrictedMode } from './trust';
import { openExample } from './walkthrough';

export const COMMAND_PREFIX = 'koreCampaign.';

export interface Command {
  /** It sends stored credentials to a server: off in Restricted Mode, explained under this name. */
  needsTrust?: string;
  /** Why it cannot run on this host (undefined when it can): shown instead of running. */
  unavailable?: (ctx: Ctx) => string | undefined;
  run: (ctx: Ctx, ...args: never[]) => unknown;
}

/** By name after `koreCampaign.`, as package.json's contributes.commands lists them. */
export function createCommands(): Record<string, Command> {
  return {
    // From the explorer with several files selected, VS Code passes the selection as the second argument.
    pushCampaign: {
      needsTrust: 'Push Campaign',
      run: (ctx: Ctx, uri?: unknown, selected?: unknown) =>
        pushSelection(async (one?: vscode.Uri) => (await ctx.engine()).pushCampaignCommand(ctx, one), uri, selected),
    },
    pullCampaign: { needsTrust: 'Pull Campaign', run: async (ctx: Ctx) => (await ctx.engine()).pullCampaignCommand(ctx) },
    pullAllCampaigns: { needsTrust: 'Pull All Campaigns', run: async (ctx: Ctx) => (await ctx.engine()).pullAllCampaignsCommand(ctx) },
    showChanges: {
      needsTrust: 'Show Changes',
      run: async (ctx: Ctx, uri?: vscode.Uri) => (await ctx.engine()).showChangesCommand(ctx, uri),
    },
    createCampaign: {
      needsTrust: 'Create Campaign',
      run: async (ctx: Ctx, uri?: vscode.Uri) => (await ctx.engine()).createCampaignCommand(ctx, uri),
    },
    addConnection: { run: addConnection },
    editConnection: { run: editConnection },
    removeConnection: { run: removeConnection },
    selectConnection: { run: selectConnection },
    signOut: { run: signOut },
    startSandbox: {
      unavailable: (ctx) => (ctx.sandbox ? undefined : LOCAL_SANDBOX_NEEDS_DESKTOP),
      // The sandbox is what a push goes to; in Restricted Mode there is no push, and the push's reason is the one given.
      needsTrust: 'Push Campaign',
      run: startSandbox,
    },
    showPushLog: { run: showPushLog },
    // Restricted Mode is one of the states platform data reports (no request is made): not refused here.
    refreshPlatformData: { run: async (ctx: Ctx) => (await (await ctx.platformData()).refresh(true)).state },
    // The Get Started walkthrough's (package.json contributes.walkthroughs).
    openExample: { run: (ctx: Ctx) => openExample(ctx.extension.extensionUri) },
    // The calling-hours preview (a webview; loaded with the engine). Its answer is the preview's state, for the tests.
    previewCallingHours: { run: async (ctx: Ctx, target?: unknown) => (await ctx.engine()).previewCallingHours(ctx, target) },
  };
}

export function registerCommands(context: vscode.ExtensionContext, ctx: Ctx, commands: Record<string, Command>): void {
  for (const [name, command] of Object.entries(commands)) {
    const run = command.run as (ctx: Ctx, ...args: unknown[]) => unknown;
    const guarded = (...args: unknown[]) => {
      const unavailable = command.unavailable?.(ctx);
      if (unavailable) return void vscode.window.showInformationMessage(unavailable);
      if (command.needsTrust && !vscode.workspace.isTrusted) return void explainRestrictedMode(command.needsTrust);
      return run(ctx, ...args);
    };
    context.subscriptions.push(vscode.commands.registerCommand(`${COMMAND_PREFIX}${name}`, guarded));
  }
}
