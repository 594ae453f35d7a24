// Helpers for the authoring tests: fixtures, cursor positions named by the text around them,
// and applying LSP text edits the way an editor would.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lsp-client.mjs';

export const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'campaign.schema.json'), 'utf8'));

export function authoringFixture(name) {
  return readFileSync(path.join(ROOT, 'test', 'fixtures', 'authoring', name), 'utf8');
}

let counter = 0;
/** A fresh document URI per test, so documents never leak between tests. */
export function docUri(name = 'doc') {
  return pathToFileURL(path.join(ROOT, 'test', 'fixtures', 'authoring', `${name}-${++counter}.campaign.yaml`)).href;
}

/** The position right after the `occurrence`-th `needle` in `text` (0-based line and UTF-16 character). */
export function after(text, needle, occurrence = 1) {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" (#${occurrence}) not in the text`);
  }
  return positionAt(text, index + needle.length);
}

/** The position at the start of the `occurrence`-th `needle`. */
export function at(text, needle, occurrence = 1) {
  const end = after(text, needle, occurrence);
  return { line: end.line, character: end.character - needle.length };
}

export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text, position) {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}

/** Apply LSP TextEdits (non-overlapping) to `text`. */
export function applyEdits(text, edits) {
  const sorted = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  for (const edit of sorted) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  return text;
}

/** What the editor inserts for a snippet when the author tabs through every placeholder unchanged. */
export function snippetAsText(snippet) {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

/** Accept a completion item: its textEdit applied to `text`, snippet placeholders left at their defaults. */
export function accept(text, item) {
  const newText = item.insertTextFormat === 2 ? snippetAsText(item.textEdit.newText) : item.textEdit.newText;
  return applyEdits(text, [{ range: item.textEdit.range ?? item.textEdit.replace, newText }]);
}

/** Replace the first `from` in `text` by `to` (the test's edit of a fixture), failing loudly if absent. */
export function edit(text, from, to) {
  if (!text.includes(from)) throw new Error(`"${from}" not in the text`);
  return text.replace(from, to);
}
