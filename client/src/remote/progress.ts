// Every platform call a command waits on (read, list, create) runs in a cancellable progress notification: a read
// that is being retried (503, 429) can take a while, and the user can always stop it.
import * as vscode from 'vscode';

export function withCancellableProgress<T>(
  title: string,
  task: (signal: AbortSignal, report: (message: string, increment?: number) => void) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      try {
        return await task(abort.signal, (message, increment) => progress.report({ message, increment }));
      } finally {
        subscription.dispose();
      }
    },
  );
}
