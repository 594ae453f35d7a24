// The round trip's commands (campaigns as code): pull, pull all, show changes, create. Each
// runs in the push engine bundle, loaded on first use, on desktop and in the browser alike.
import type * as vscode from 'vscode';
import type { Ctx } from '../ctx';

export const pullCampaign = async (ctx: Ctx) => (await ctx.engine()).pullCampaignCommand(ctx);
export const pullAllCampaigns = async (ctx: Ctx) => (await ctx.engine()).pullAllCampaignsCommand(ctx);
export const showChanges = async (ctx: Ctx, uri?: vscode.Uri) => (await ctx.engine()).showChangesCommand(ctx, uri);
export const createCampaign = async (ctx: Ctx, uri?: vscode.Uri) => (await ctx.engine()).createCampaignCommand(ctx, uri);
