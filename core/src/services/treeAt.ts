// The YAML node under an offset, with its campaign path: what hover and selection ranges need.
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { FieldPath, ParsedCampaign } from '../parse';

export interface TreeStep {
  path: FieldPath;
  /** The node's source span [start, end). */
  range: [number, number];
  node: Node;
}

export interface TreeHit {
  path: FieldPath;
  on: 'key' | 'value' | 'inside';
  /** The key or scalar value span under the offset (for `inside`, the container's). */
  range: [number, number];
  node?: Node;
  /** Containers from the document down, each with its path and span. */
  chain: TreeStep[];
}

function span(node: unknown): [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/** The key or value at `offset`, following the tree from the top; undefined outside the campaign. */
export function treeAt(parsed: ParsedCampaign, offset: number): TreeHit | undefined {
  const document = parsed.document;
  if (!document?.contents) return undefined;
  const lines = parsed.lines;
  let node: unknown = document.contents;
  const path: (string | number)[] = [];
  const chain: TreeStep[] = [];
  for (let depth = 0; depth < 64; depth++) {
    const own = span(node);
    if (!own) return undefined;
    chain.push({ path: [...path], range: own, node: node as Node });
    if (isMap(node)) {
      let next: unknown;
      for (const pair of node.items) {
        const keyRange = span(pair.key);
        if (!keyRange || !isScalar(pair.key)) continue;
        if (offset >= keyRange[0] && offset <= keyRange[1])
          return { path: [...path, String(pair.key.value)], on: 'key', range: keyRange, node: pair.key as Node, chain };
        const valueRange = span(pair.value);
        if (valueRange && offset >= valueRange[0] && offset <= valueRange[1] && !isAlias(pair.value)) {
          path.push(String(pair.key.value));
          next = pair.value;
          break;
        }
      }
      if (next === undefined) return { path: [...path], on: 'inside', range: own, chain };
      node = next;
      continue;
    }
    if (isSeq(node)) {
      const line = lines.positionAt(offset).line;
      let index = node.items.findIndex((item) => {
        const r = span(item);
        return r !== undefined && offset >= r[0] && offset <= r[1];
      });
      // On the `- ` before an item: that item.
      if (index === -1)
        index = node.items.findIndex((item) => {
          const r = span(item);
          return r !== undefined && offset < r[0] && lines.positionAt(r[0]).line === line;
        });
      if (index === -1 || isAlias(node.items[index])) return { path: [...path], on: 'inside', range: own, chain };
      path.push(index);
      node = node.items[index];
      continue;
    }
    if (isScalar(node)) return { path: [...path], on: 'value', range: own, node: node as Node, chain };
    return undefined;
  }
  return undefined;
}

/** A block node's span ends on the line break after it: step back over trailing whitespace. */
export function trimmedEnd(text: string, start: number, end: number): number {
  let out = end;
  while (out > start && /\s/.test(text[out - 1])) out--;
  return out;
}
