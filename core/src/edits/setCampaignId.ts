// Writes the campaignId a push asked for into the file: one line changed or added, so the
// author's comments, key order and formatting survive (a re-serialisation would lose them).
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { LineIndex, withLineFeeds } from '../lineIndex';
import { parseCampaign, type ParsedCampaign } from '../parse';
import type { TextEdit } from '../types';
import { stringScalarText } from './yamlEdits';

/**
 * The edit that sets the top-level `campaignId`, or undefined when the file's top level is
 * not a mapping (there is nowhere sensible to put it). An existing value is replaced in its
 * own quoting style; a missing key is added as the first key, above the comment block that
 * belongs to the current first key.
 */
export function setCampaignIdEdit(textOrParsed: string | ParsedCampaign, campaignId: string): TextEdit | undefined {
  const parsed = typeof textOrParsed === 'string' ? parseCampaign(textOrParsed) : textOrParsed;
  const { text, lines } = parsed;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const contents = parsed.document?.contents;

  if (!parsed.document || contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) {
    // An empty or comments-only file: the id goes after any leading comments.
    if (parsed.documents.length > 1 || (parsed.document && parsed.document.errors.length)) return undefined;
    const insertAt = afterLeadingComments(parsed);
    const needsBreak = insertAt > 0 && text[insertAt - 1] !== '\n';
    return { range: lines.range(insertAt, insertAt), newText: `${needsBreak ? eol : ''}campaignId: ${stringScalarText(campaignId)}${eol}` };
  }
  if (!isMap(contents)) return undefined;

  const existing = contents.items.find((item) => isScalar(item.key) && item.key.value === 'campaignId') as
    Pair<Node, Node | null> | undefined;
  if (existing) {
    const value = existing.value;
    if (value?.range && value.range[1] > value.range[0]) {
      return { range: lines.range(value.range[0], value.range[1]), newText: stringScalarText(campaignId, value) };
    }
    // `campaignId:` with no value: put it right after the key's colon.
    const key = existing.key as Node;
    const colon = key.range ? text.indexOf(':', key.range[1]) : -1;
    if (colon === -1) return undefined;
    // Right after the colon, so a space before a trailing comment stays between value and `#`.
    return { range: lines.range(colon + 1, colon + 1), newText: ` ${stringScalarText(campaignId)}` };
  }

  const first = contents.items[0]?.key as Node | undefined;
  if (contents.flow) {
    // `{name: x, ...}`: add as the first entry inside the braces.
    const brace = contents.range ? text.indexOf('{', contents.range[0]) : -1;
    if (brace === -1) return undefined;
    const at = brace + 1;
    const separator = contents.items.length ? ', ' : '';
    return { range: lines.range(at, at), newText: `campaignId: ${stringScalarText(campaignId)}${separator}` };
  }
  if (!first?.range) return undefined;
  const firstLine = lines.positionAt(first.range[0]).line;
  const indent = /^[ ]*/.exec(lines.lineText(firstLine))![0];
  let line = firstLine;
  // Comment lines directly above the first key describe it, so the id goes above them;
  // unless they open the file, where they describe the whole file and stay on top.
  while (line > 0 && /^\s*#/.test(lines.lineText(line - 1))) line--;
  const opensFile = lines.text
    .slice(0, lines.lineStart(line))
    .split(/\r?\n/)
    .every((l) => /^\s*(---\s*|%.*)?$/.test(l));
  const at = lines.lineStart(opensFile ? firstLine : line);
  return { range: lines.range(at, at), newText: `${indent}campaignId: ${stringScalarText(campaignId)}${eol}` };
}

/** The offset just past the leading comment lines and document markers. */
function afterLeadingComments(parsed: ParsedCampaign): number {
  const { lines } = parsed;
  let line = 0;
  while (line < lines.lineCount && /^\s*(#.*|---\s*|%.*)?$/.test(lines.lineText(line)) && line < lines.lineCount - 1) line++;
  const lastText = lines.lineText(line);
  if (/^\s*(#.*|---\s*|%.*)?$/.test(lastText)) return lines.text.length;
  return lines.lineStart(line);
}

/**
 * Apply edits to a text (for tests and the CLI): edits must not overlap. The result is
 * joined from pieces in one pass (a fix-all on a large file can be thousands of edits:
 * splicing them into the whole text one by one was quadratic), and a text needs only its
 * line table, not a parse.
 */
export function applyTextEdits(parsed: ParsedCampaign | string, edits: readonly TextEdit[]): string {
  const lines = typeof parsed === 'string' ? new LineIndex(withLineFeeds(parsed)) : parsed.lines;
  const text = lines.text;
  const withOffsets = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let done = 0;
  for (const edit of withOffsets) {
    pieces.push(text.slice(done, Math.max(done, edit.start)), edit.newText);
    done = Math.max(done, edit.end);
  }
  pieces.push(text.slice(done));
  return pieces.join('');
}
