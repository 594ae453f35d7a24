// Restricted Mode (an untrusted workspace): a command that sends stored credentials to a server
// does not run, and says why and where trust is managed.
import * as vscode from 'vscode';

export async function explainRestrictedMode(what: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    `${what} is off in Restricted Mode: it sends your stored credentials to a server, so it needs a trusted workspace. ` +
      'Validation, completion and hover keep working.',
    'Manage Workspace Trust',
  );
  if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
}
