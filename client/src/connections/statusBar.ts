// Shows, on campaign files, where a push would go: the cheapest guard against pushing to
// production by mistake.
import * as vscode from 'vscode';
import type { ConnectionStore } from './store';
import { config } from '../config';
import { LANGUAGE_ID } from '../language';

export class ConnectionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('koreCampaign.connection', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly store: ConnectionStore) {
    this.item.name = 'Kore.ai connection';
    this.item.command = 'koreCampaign.selectConnection';
    this.subscriptions.push(
      store.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => config.affects(e, 'preferredConnection') && this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const connection = this.store.active(editor.document.uri);
    if (connection) {
      this.item.text = `$(cloud-upload) ${connection.name}`;
      this.item.tooltip = new vscode.MarkdownString(
        `**Kore.ai connection**: ${connection.name}\n\n${connection.host} | IID \`${connection.iid}\`\n\n` +
          (vscode.workspace.isTrusted
            ? 'Push Campaign sends this file here. Click to change.'
            : 'Push is off in Restricted Mode (untrusted workspace). Click to change the connection.'),
      );
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = '$(cloud-upload) Kore.ai: no connection';
      this.item.tooltip = 'No Kore.ai connection is selected. Click to choose one.';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
