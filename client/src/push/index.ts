// Placeholder until the push feature lands (issue 4): connections, secrets and the Push Campaign command.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerPushFeatures(_context: vscode.ExtensionContext, _client: LanguageClient): void {}
