import type { BaseLanguageClient } from 'vscode-languageclient';

/**
 * The language client, started after activation has returned (from a bundle of its own) and
 * stopped on deactivation, even when deactivation comes first. Shared by the desktop entry
 * (extension.ts) and the browser's (web/extension.ts).
 */
export class BackgroundClient {
  private client: BaseLanguageClient | undefined;
  private stopped = false;

  /** At activation: a deactivated extension can be activated again. */
  reset(): void {
    this.stopped = false;
  }

  /** Runs `start` unless stop() came first; a client that arrives after stop() is stopped. */
  async start(start: () => BaseLanguageClient | Promise<BaseLanguageClient>): Promise<void> {
    if (this.stopped) return;
    const started = await start();
    if (this.stopped) await started.stop();
    else this.client = started;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const running = this.client;
    this.client = undefined;
    await running?.stop();
  }
}
