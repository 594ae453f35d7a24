// Start Local Sandbox and Show Push Log.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

export const LOCAL_SANDBOX_NEEDS_DESKTOP =
  'The local sandbox is a server on your machine, which an editor in the browser cannot start. Run `kore-campaign sandbox` in a terminal, or use desktop VS Code.';

/** Hidden where the extension host cannot run it (package.json); the table says so if it is invoked anyway. */
export async function startSandbox(ctx: Ctx): Promise<void> {
  const running = await ctx.sandbox?.start();
  if (running)
    void vscode.window.showInformationMessage(
      `The local sandbox is listening on ${running.url} until VS Code closes. The "Local sandbox" connection pushes to it.`,
    );
}

export function showPushLog(ctx: Ctx): void {
  ctx.log.show();
}
