// "Show Response" opens the platform's answer as a read-only document of its own
// (kore-campaign-response:), not an untitled buffer that asks to be saved on close. The
// provider is registered on first use, in the push engine's bundle, which also holds the texts.
import * as vscode from 'vscode';

export const RESPONSE_SCHEME = 'kore-campaign-response';

const texts = new Map<string, string>();
let registration: vscode.Disposable | undefined;
let shown = 0;

/** Pretty-printed JSON when the body is JSON, the body as it came otherwise. */
function readable(body: string): { text: string; json: boolean } {
  try {
    return { text: `${JSON.stringify(JSON.parse(body), null, 2)}\n`, json: true };
  } catch {
    return { text: body, json: false };
  }
}

export async function showResponse(body: string | undefined, label: string): Promise<vscode.TextEditor> {
  registration ??= vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, {
    provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '',
  });
  const { text, json } = readable(body ?? '');
  // One document per response: the name says which push it answered.
  const name = `${++shown} ${label.replace(/[\\/:*?"<>|]/g, '-')}${json ? '.json' : '.txt'}`;
  const uri = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${name}` });
  texts.set(uri.toString(), text);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: true });
}
