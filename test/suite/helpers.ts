// Shared helpers for the in-editor tests (bundled into each *.test.js).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

// `publisher.name` from package.json, put in by scripts/build-tests.mjs.
declare const KORE_EXTENSION_ID: string;
export const EXTENSION_ID: string = KORE_EXTENSION_ID;
export const LANGUAGE_ID = 'kore-campaign';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open a workspace folder (the launcher copies examples/ and fixtures/ into one)');
  return folder.uri.fsPath;
}

/** Path inside the test workspace (the launcher copies examples/ and test/fixtures/ there). */
export function wsPath(...parts: string[]): string {
  return path.join(workspaceRoot(), ...parts);
}

/** The repo (extension development folder): dist/test/suite -> ../../.. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
  return ext;
}

export async function openDoc(file: string, show = true): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export async function openContent(content: string, show = true): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll until `fn` returns a value that `done` accepts (or time out with the last value). */
export async function waitFor<T>(
  fn: () => T | PromiseLike<T>,
  done: (v: T) => boolean,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await fn();
  while (!done(last)) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await sleep(100);
    last = await fn();
  }
  return last;
}

/**
 * Diagnostics of one document once the server has published and they are stable
 * (the same for 600 ms), so a test never asserts a half-finished state.
 */
export async function settledDiagnostics(
  uri: vscode.Uri,
  timeoutMs = 15_000,
  expectAny = true,
  stableMs = 600,
): Promise<vscode.Diagnostic[]> {
  const until = Date.now() + timeoutMs;
  let prev = '';
  let stableSince = Date.now();
  for (;;) {
    const diags = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kore-campaign' || d.source === undefined);
    const key = JSON.stringify(diags.map(simplify));
    if (key !== prev) {
      prev = key;
      stableSince = Date.now();
    }
    const ready = expectAny ? diags.length > 0 : true;
    if (ready && Date.now() - stableSince >= stableMs) return diags;
    if (Date.now() > until) return diags;
    await sleep(100);
  }
}

export interface SimpleDiag {
  range: [number, number, number, number];
  severity: 'error' | 'warning' | 'information' | 'hint';
  code?: string;
  message: string;
}

const SEVERITY: Record<number, SimpleDiag['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function simplify(d: vscode.Diagnostic): SimpleDiag {
  const code = typeof d.code === 'object' && d.code !== null ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
  return {
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    severity: SEVERITY[d.severity],
    ...(code !== undefined ? { code } : {}),
    message: d.message,
  };
}

export function sortDiags<T extends { range: [number, number, number, number]; message: string }>(ds: T[]): T[] {
  return [...ds].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.message.localeCompare(b.message));
}

export function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = needle.length, occurrence = 0): vscode.Position {
  const text = doc.getText();
  let idx = -1;
  for (let i = 0; i <= occurrence; i++) {
    idx = text.indexOf(needle, idx + 1);
    assert.ok(idx >= 0, `"${needle}" (occurrence ${occurrence}) not found in ${doc.uri.fsPath}`);
  }
  return doc.positionAt(idx + offsetInNeedle);
}

/** Labels of the items a provider offered (the editor's word-based `Text` items left out). */
export function completionLabels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? [])
    .filter((i) => i.kind !== vscode.CompletionItemKind.Text)
    .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))
    .join('\n');
}

/** Close every editor without a save prompt (dirty ones are reverted first). */
export async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 100 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Revert and close the active editor (no save prompt). */
export async function revertAndClose(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
