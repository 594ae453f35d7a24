// Start Local Sandbox and Show Push Log.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

export const LOCAL_SANDBOX_NEEDS_DESKTOP =
  'The local sandbox is a server on your machine, which an editor in the browser cannot start. Run `kore-campaign sandbox` in a terminal, or use desktop VS Code.';

export async function startSandbox(ctx: Ctx): Promise<void> {
  // Hidden in the browser (package.json); another extension can still call it.
  if (!ctx.sandbox) return void vscode.window.showInformationMessage(LOCAL_SANDBOX_NEEDS_DESKTOP);
  if (!vscode.workspace.isTrusted) return (await ctx.engine()).explainRestrictedMode();
  const running = await ctx.sandbox.start();
  if (running)
    void vscode.window.showInformationMessage(
      `The local sandbox is listening on ${running.url} until VS Code closes. The "Local sandbox" connection pushes to it.`,
    );
}

export function showPushLog(ctx: Ctx): void {
  ctx.log.show();
}
