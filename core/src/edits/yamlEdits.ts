// Text edits that change one value, key or list item and nothing else: comments,
// key order and indentation around it stay as the author wrote them.
import { isScalar, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Located, ParsedCampaign } from '../parse';
import type { Fix, TextEdit } from '../types';

// `:` is safe in a plain scalar unless a space follows it (`6:00 PM` stays unquoted, as authors write it).
const PLAIN_SAFE = /^[A-Za-z0-9+/][A-Za-z0-9 _+./():-]*(?<![ :])$/;
const LOOKS_LIKE_OTHER_TYPE =
  /^(?:true|false|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** YAML source for a string, in the quoting style the author used where possible. */
export function stringScalarText(value: string, like?: Node): string {
  const style = isScalar(like) ? like.type : undefined;
  if (style === Scalar.QUOTE_SINGLE && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (PLAIN_SAFE.test(value) && !LOOKS_LIKE_OTHER_TYPE.test(value) && !value.includes(': ') && !value.includes(' #')) return value;
  return JSON.stringify(value);
}

/** Replace a node's source (not its trailing comment) with `newText`. */
export function replaceNodeEdit(parsed: ParsedCampaign, range: readonly [number, number, ...number[]], newText: string): TextEdit {
  return { range: parsed.lines.range(range[0], range[1]), newText };
}

/**
 * Remove one item of a list. Block lists lose the item's whole lines (a comment on
 * its own line before the next item survives); flow lists lose the item and one comma.
 */
export function deleteSeqItemEdit(parsed: ParsedCampaign, seq: YAMLSeq, index: number): TextEdit | undefined {
  const item = seq.items[index] as Node | undefined;
  if (!item?.range) return undefined;
  const { lines } = parsed;
  if (seq.flow) {
    const previous = seq.items[index - 1] as Node | undefined;
    const next = seq.items[index + 1] as Node | undefined;
    if (previous?.range) return replaceNodeEdit(parsed, [previous.range[1], item.range[1]], '');
    if (next?.range) return replaceNodeEdit(parsed, [item.range[0], next.range[0]], '');
    return replaceNodeEdit(parsed, [item.range[0], item.range[1]], '');
  }
  const firstLine = lines.positionAt(item.range[0]).line;
  const lastLine = lines.positionAt(Math.max(item.range[0], item.range[1] - 1)).line;
  const start = lines.lineStart(firstLine);
  const end = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : lines.text.length;
  return { range: lines.range(start, end), newText: '' };
}

/**
 * The one-click fix for a did-you-mean: replace the value with `suggestion`, in the author's quoting.
 * None when the value came through an alias: changing the anchor would change every use.
 */
export function replaceValueFix(parsed: ParsedCampaign, suggestion: string | undefined): (located: Located) => Fix[] | undefined {
  return (located) =>
    suggestion === undefined || located.viaAlias
      ? undefined
      : [
          {
            title: `Change to "${suggestion}"`,
            preferred: true,
            edits: [replaceNodeEdit(parsed, located.reportRange, stringScalarText(suggestion, located.node))],
          },
        ];
}

/**
 * Remove one key and its value from a mapping. Block mappings lose the pair's whole lines (a
 * comment on its own line before the next key survives); flow mappings lose the pair and one comma.
 */
export function deletePairEdit(parsed: ParsedCampaign, map: YAMLMap, pair: Pair): TextEdit | undefined {
  const index = map.items.indexOf(pair);
  const key = pair.key as Node | null;
  if (index === -1 || !key?.range) return undefined;
  const value = pair.value as Node | null;
  const end = value?.range ? value.range[1] : key.range[1];
  if (map.flow) {
    const previous = map.items[index - 1]?.value as Node | null | undefined;
    const previousEnd = previous?.range?.[1] ?? (map.items[index - 1]?.key as Node | undefined)?.range?.[1];
    const next = map.items[index + 1]?.key as Node | undefined;
    if (previousEnd !== undefined) return replaceNodeEdit(parsed, [previousEnd, end], '');
    if (next?.range) return replaceNodeEdit(parsed, [key.range[0], next.range[0]], '');
    return replaceNodeEdit(parsed, [key.range[0], end], '');
  }
  const { lines } = parsed;
  const firstLine = lines.positionAt(key.range[0]).line;
  const lastLine = lines.positionAt(Math.max(key.range[0], end - 1)).line;
  const start = lines.lineStart(firstLine);
  const stop = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : lines.text.length;
  return { range: lines.range(start, stop), newText: '' };
}
