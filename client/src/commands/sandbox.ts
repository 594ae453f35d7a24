// Start Local Sandbox and Show Push Log.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { pushEngine } from '../push/engineBundle';

export async function startSandbox(ctx: Ctx): Promise<void> {
  if (!vscode.workspace.isTrusted) return pushEngine().explainRestrictedMode();
  const running = await ctx.sandbox.start();
  if (running) void vscode.window.showInformationMessage(`The local sandbox is listening on ${running.url} until VS Code closes. The "Local sandbox" connection pushes to it.`);
}

export function showPushLog(ctx: Ctx): void {
  ctx.log.show();
}
