// The extension's browser entry (dist/web/client.js, package.json `browser`): vscode.dev,
// github.dev and any web worker extension host. What differs from desktop is what this host
// provides: bundles fetched and evaluated (./extensionFiles.ts), the language server in a web
// worker, git's view of a file from the git extension (no git process) and no local sandbox.
// Activation itself is the desktop's (../main.ts): the same context and command table.
import type * as vscode from 'vscode';
import type * as Engine from '../engine';
import { activateOn, type CampaignExtensionApi } from '../main';
import { webBundle } from './extensionFiles';
import { gitExtensionStatus } from './gitExtension';
import type * as WebLanguageClient from './languageClient';

export { deactivate } from '../main';

export function activate(context: vscode.ExtensionContext): CampaignExtensionApi {
  return activateOn(context, {
    where: ' in the browser',
    engine: webBundle<typeof Engine>(context, 'pushEngine.js'),
    languageClient: webBundle<typeof WebLanguageClient>(context, 'languageClient.js'),
    git: gitExtensionStatus,
  });
}
