// The read-only scheme that shows the platform's side of Show Changes. Registered at
// activation; the content comes from the lazily loaded push engine, so activation stays small.
// The round trip's commands are in client/src/commands/roundTrip.ts.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { REMOTE_CAMPAIGN_SCHEME } from '../language';

export function registerRemoteCampaignScheme(context: vscode.ExtensionContext, ctx: Ctx): void {
  // Each Show Changes gets a fresh address (see showChanges.ts), so the provider never has to signal a change.
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_CAMPAIGN_SCHEME, {
      provideTextDocumentContent: async (uri) => (await ctx.engine()).remoteCampaignContent(uri),
    }),
  );
}
