// Activation, the same on every host (extension.ts: desktop; web/extension.ts: the browser): the
// context and the command table at once, then, after activation has returned, the language client
// and platform data from their own bundle. The push engine loads on the first command that needs it.
// Analysis lives in the language server; nothing here parses YAML.
import * as vscode from 'vscode';
import { BackgroundClient } from './backgroundClient';
import { createCommands, registerCommands } from './commands';
import { createCtx, type Host, type PlatformDataApi } from './ctx';

/** What the extension gives other code (the in-editor tests read the status items through it). */
export interface CampaignExtensionApi {
  platformData: Pick<PlatformDataApi, 'status'>;
}

const client = new BackgroundClient();

export function activateOn(context: vscode.ExtensionContext, host: Host): CampaignExtensionApi {
  client.reset();
  let started: PlatformDataApi | undefined;
  let settle!: { resolve(api: PlatformDataApi): void; reject(error: unknown): void };
  const platformData = new Promise<PlatformDataApi>((resolve, reject) => (settle = { resolve, reject }));
  platformData.catch(() => undefined); // a start that fails is reported below; a command that waits on it sees the rejection
  const ctx = createCtx(context, host, () => platformData);
  registerCommands(context, ctx, createCommands());
  client
    .start(async () => {
      const bundle = await host.languageClient();
      const languageClient = await bundle.startLanguageClient(context);
      // Platform data (contact lists, status items) starts with the client, off the activation path.
      settle.resolve((started = bundle.startPlatformData(ctx, languageClient)));
      return languageClient;
    })
    .catch((error: unknown) => {
      settle.reject(error);
      void vscode.window.showErrorMessage(
        `Kore.ai Campaigns: the language server did not start${host.where}: ${(error as Error)?.message ?? error}`,
      );
    });
  context.subscriptions.push({ dispose: () => void deactivate() });
  const notYet = { text: '', detail: 'starting', severity: 'information' } as const;
  return { platformData: { status: () => started?.status() ?? { server: notYet, platform: notYet } } };
}

export function deactivate(): Promise<void> {
  return client.stop();
}
