// The round trip's commands (pull, show changes, create) and the read-only scheme that shows
// the platform's side of a diff. Registered at activation; everything they run lives in the
// lazily loaded engine bundle (dist/pushEngine.js), so activation stays small.
import * as vscode from 'vscode';
import type { RoundTripContext } from './context';
import { REMOTE_CAMPAIGN_SCHEME } from '../language';
import { pushEngine } from '../push/engineBundle';

export function registerRoundTripCommands(context: vscode.ExtensionContext, roundTripContext: () => RoundTripContext): void {
  const command = (id: string, handler: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown));

  command('koreCampaign.pullCampaign', () => pushEngine().pullCampaignCommand(roundTripContext()));
  command('koreCampaign.pullAllCampaigns', () => pushEngine().pullAllCampaignsCommand(roundTripContext()));
  command('koreCampaign.showChanges', (uri?: vscode.Uri) => pushEngine().showChangesCommand(roundTripContext(), uri));
  command('koreCampaign.createCampaign', (uri?: vscode.Uri) => pushEngine().createCampaignCommand(roundTripContext(), uri));

  // Each Show Changes gets a fresh address (see showChanges.ts), so the provider never has to signal a change.
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_CAMPAIGN_SCHEME, {
      provideTextDocumentContent: (uri) => pushEngine().remoteCampaignContent(uri),
    }),
  );
}
