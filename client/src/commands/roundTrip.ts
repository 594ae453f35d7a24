// The round trip's commands (campaigns as code): pull, pull all, show changes, create. Each
// runs in the push engine bundle, loaded on first use; the browser's engine has none of them
// (their palette entries are hidden there, as Start Local Sandbox's are).
import * as vscode from 'vscode';
import type { Ctx, PushEngine } from '../ctx';

type RoundTripCommand = 'pullCampaignCommand' | 'pullAllCampaignsCommand' | 'showChangesCommand' | 'createCampaignCommand';

async function run(ctx: Ctx, name: RoundTripCommand, uri?: vscode.Uri): Promise<unknown> {
  const engine: PushEngine = await ctx.engine();
  const command = engine[name];
  if (!command) {
    void vscode.window.showInformationMessage('Pull, Show Changes and Create need the desktop extension host (they ask git about local changes).');
    return undefined;
  }
  return command.call(engine, ctx, uri);
}

export const pullCampaign = (ctx: Ctx) => run(ctx, 'pullCampaignCommand');
export const pullAllCampaigns = (ctx: Ctx) => run(ctx, 'pullAllCampaignsCommand');
export const showChanges = (ctx: Ctx, uri?: vscode.Uri) => run(ctx, 'showChangesCommand', uri);
export const createCampaign = (ctx: Ctx, uri?: vscode.Uri) => run(ctx, 'createCampaignCommand', uri);
