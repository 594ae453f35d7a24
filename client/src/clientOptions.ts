// What the language client is asked to do, the same on desktop (languageClient.ts) and in the
// browser (web/languageClient.ts); only the transport to the server differs.
import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { LANGUAGE_ID } from './language';
import { watchWorkspaceTimeZones } from './workspaceTimeZones';

export const CLIENT_ID = 'koreCampaign';
export const CLIENT_NAME = 'Kore.ai Campaigns';

export function campaignClientOptions(): LanguageClientOptions {
  return {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'koreCampaign' },
    outputChannelName: 'Kore.ai Campaigns (language server)',
    // The server's "Preview calling hours" lens runs this command (client/src/callingHours/).
    initializationOptions: { callingHoursPreviewCommand: 'koreCampaign.previewCallingHours' },
  };
}

/** Starts the client in the background: documents already open are synced when the server is up. */
export function startInBackground(client: BaseLanguageClient, context: vscode.ExtensionContext): void {
  void client.start().then(
    () => context.subscriptions.push(watchWorkspaceTimeZones(client)),
    () => {
      // The client reports a failed start in its own output channel.
    },
  );
}
