// Folding and selection ranges from the YAML tree, as YAML editors offer them: a mapping or
// list folds from its key's line; comment blocks fold; selection grows key/value -> pair ->
// mapping -> ... -> document.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedCampaign } from '../parse';
import type { Position, Range } from '../types';
import { trimmedEnd } from './treeAt';

export interface CampaignFoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

const MAX_FOLDS = 5000;

export function foldingRanges(parsed: ParsedCampaign): CampaignFoldingRange[] {
  const out: CampaignFoldingRange[] = [];
  const { lines } = parsed;
  const lastLine = (end: number, start: number) => {
    let offset = Math.max(start, end - 1);
    while (offset > start && /[\r\n ]/.test(parsed.text[offset])) offset--;
    return lines.positionAt(offset).line;
  };
  const stack: { node: unknown; fromLine?: number }[] = [{ node: parsed.document?.contents }];
  while (stack.length && out.length < MAX_FOLDS) {
    const { node, fromLine } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    const range = (node as Node).range;
    if (!range) continue;
    const start = fromLine ?? lines.positionAt(range[0]).line;
    const end = lastLine(range[1], range[0]);
    if (end > start && fromLine !== undefined) out.push({ startLine: start, endLine: end });
    for (const item of node.items) {
      if (isPair(item)) {
        const key = item.key as Node | null;
        stack.push({ node: item.value, fromLine: key?.range ? lines.positionAt(key.range[0]).line : undefined });
      } else {
        const itemRange = (item as Node | null)?.range;
        stack.push({ node: item, fromLine: itemRange ? lines.positionAt(itemRange[0]).line : undefined });
      }
    }
  }
  // Runs of two or more comment lines.
  let runStart = -1;
  for (let line = 0; line <= lines.lineCount; line++) {
    const isComment = line < lines.lineCount && /^\s*#/.test(lines.lineText(line));
    if (isComment && runStart === -1) runStart = line;
    if (!isComment && runStart !== -1) {
      if (line - 1 > runStart) out.push({ startLine: runStart, endLine: line - 1, kind: 'comment' });
      runStart = -1;
    }
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

export interface CampaignSelectionRange {
  range: Range;
  parent?: CampaignSelectionRange;
}

/** From the innermost scalar out to the whole document. */
export function selectionRange(parsed: ParsedCampaign, position: Position): CampaignSelectionRange {
  const offset = parsed.lines.offsetAt(position);
  const spans: [number, number][] = [[0, parsed.text.length]];
  let node: unknown = parsed.document?.contents;
  for (let depth = 0; depth < 64 && node; depth++) {
    const range = (node as Node).range;
    if (!range || offset < range[0] || offset > range[1]) break;
    spans.push([range[0], trimmedEnd(parsed.text, range[0], range[1])]);
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (!key?.range) continue;
        const end = value?.range ? Math.max(trimmedEnd(parsed.text, value.range[0], value.range[1]), key.range[1]) : key.range[1];
        if (offset < key.range[0] || offset > end) continue;
        spans.push([key.range[0], end]);
        if (offset <= key.range[1]) spans.push([key.range[0], key.range[1]]);
        else next = value;
        break;
      }
    } else if (isSeq(node)) {
      next = node.items.find((item) => {
        const r = (item as Node | null)?.range;
        return r && offset >= r[0] && offset <= r[1];
      });
    } else if (isScalar(node)) break;
    node = next;
  }
  let result: CampaignSelectionRange | undefined;
  let previous: [number, number] | undefined;
  for (const span of spans) {
    // Each step must contain the last; skip repeats (a scalar that is its pair's whole value).
    if (previous && span[0] === previous[0] && span[1] === previous[1]) continue;
    result = { range: parsed.lines.range(span[0], span[1]), ...(result ? { parent: result } : {}) };
    previous = span;
  }
  return result ?? { range: parsed.lines.range(offset, offset) };
}
