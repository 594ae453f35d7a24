// The round trip's commands (campaigns as code): pull, pull all, show changes, create. Each
// runs in the push engine bundle, loaded on first use, never at activation.
import type * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { pushEngine } from '../push/engineBundle';

export const pullCampaign = (ctx: Ctx) => pushEngine().pullCampaignCommand(ctx);
export const pullAllCampaigns = (ctx: Ctx) => pushEngine().pullAllCampaignsCommand(ctx);
export const showChanges = (ctx: Ctx, uri?: vscode.Uri) => pushEngine().showChangesCommand(ctx, uri);
export const createCampaign = (ctx: Ctx, uri?: vscode.Uri) => pushEngine().createCampaignCommand(ctx, uri);
