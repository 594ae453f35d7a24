// Loading our own files in the browser's web worker extension host, which has no Node
// `require`: VS Code itself loads an extension's `browser` entry by fetching its text and
// running it as a CommonJS function whose only module is `vscode`; the bundles that activation
// does not need (language client, push engine) are loaded the same way, on first use.
import * as vscode from 'vscode';

/**
 * The text of a file shipped with the extension. vscode.dev serves extensions over https
 * (fetch); code-server and other remotes through the workbench's file systems (vscode-remote:).
 */
export async function readExtensionFile(context: vscode.ExtensionContext, ...segments: string[]): Promise<string> {
  const uri = vscode.Uri.joinPath(context.extensionUri, ...segments);
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${uri.toString(true)}: HTTP ${response.status}`);
    return response.text();
  }
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/** A bundle from dist/web/, evaluated once on first use. */
export function webBundle<T>(context: vscode.ExtensionContext, file: string): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= readExtensionFile(context, 'dist', 'web', file).then((source) => {
      const module = { exports: {} as T };
      const requireVscode = (id: string): unknown => {
        if (id === 'vscode') return vscode;
        throw new Error(`${file} asked for '${id}', which the browser build does not provide`);
      };
      // The same wrapper VS Code's web worker host uses for the `browser` entry (see top).
      new Function('module', 'exports', 'require', `${source}\n//# sourceURL=kore-campaign/dist/web/${file}`)(
        module,
        module.exports,
        requireVscode,
      );
      return module.exports;
    }));
}
