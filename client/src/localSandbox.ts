// Desktop only: the sandbox can run inside the extension host, so "Push Campaign" on a fresh install works
// with nothing else started. It listens on 127.0.0.1 only and stops with the extension.
import * as vscode from 'vscode';
import type { Sandbox } from '../../sandbox/src';
import type { SandboxControl } from './ctx';
import { desktopEngine } from './engine/desktopBundle';
import { config } from './config';

export class LocalSandbox implements SandboxControl, vscode.Disposable {
  private sandbox: Sandbox | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  get running(): Sandbox | undefined {
    return this.sandbox;
  }

  async start(port = config.sandboxPort): Promise<Sandbox | undefined> {
    if (this.sandbox) return this.sandbox;
    try {
      this.sandbox = await desktopEngine().startSandbox({ port, log: (line) => this.log.info(`[sandbox] ${line}`) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.log.error(`The local sandbox did not start on port ${port}: ${code ?? (error as Error).message}`);
      void vscode.window.showErrorMessage(
        code === 'EADDRINUSE'
          ? `Port ${port} is in use, so the local sandbox cannot start there. Something else (perhaps \`kore-campaign sandbox\`) is listening; change koreCampaign.connections.sandboxPort or stop it.`
          : `The local sandbox did not start: ${(error as Error).message}`,
      );
      return undefined;
    }
    this.log.info(`Local sandbox listening on ${this.sandbox.url}`);
    return this.sandbox;
  }

  async stop(): Promise<void> {
    const sandbox = this.sandbox;
    this.sandbox = undefined;
    await sandbox?.stop();
  }

  dispose(): void {
    void this.stop();
  }
}
