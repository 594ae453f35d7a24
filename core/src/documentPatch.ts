// The second half of an incremental parse: the composed Document is patched in place where
// the syntax tree was spliced (see incrementalParse.ts for the whole design).
import { isAlias, isMap, isPair, isScalar, isSeq, type CST, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { compose } from './yamlCompose';
import type { ComposeOptions, Patch } from './incrementalTypes';
import { firstOffset } from './cstSplice';

/**
 * Composing is the next largest cost (about 100 ms on 50,000 lines of days): the replaced items
 * are composed on their own and put into the previous document in place of the old ones, and
 * the ranges of every node after them moved, when nothing in the document depends on them
 * otherwise: no YAML errors before or after, no duplicate key introduced, no anchor or alias
 * in the new items. `composed`: the new items on their own (`composePatch`). Undefined means:
 * compose the whole tree instead.
 */
export function patchDocuments(previous: Document.Parsed[], patch: Patch, composed: Document.Parsed[]): Document.Parsed[] | undefined {
  const doc = previous[0];
  if (previous.length !== 1 || doc.errors.length || doc.warnings.length) return undefined;
  // Follow the same item indices down the composed tree.
  const ancestors: { node: YAMLMap | YAMLSeq; index: number }[] = [];
  let node: unknown = doc.contents;
  for (const index of patch.path) {
    if (!isMap(node) && !isSeq(node)) return undefined;
    ancestors.push({ node, index });
    const item: unknown = node.items[index];
    node = isPair(item) ? item.value : item;
  }
  const target = node;
  const isMapping = patch.collection.type === 'block-map';
  if (!(isMapping ? isMap(target) : isSeq(target)) || (target as YAMLMap | YAMLSeq).items.length !== patch.oldCount) return undefined;
  const collection = target as YAMLMap | YAMLSeq;

  if (composed.length !== 1 || composed[0].errors.length || composed[0].warnings.length) return undefined;
  const fresh = composed[0].contents;
  if (!(isMapping ? isMap(fresh) : isSeq(fresh)) || (fresh as YAMLMap | YAMLSeq).items.length !== patch.items.length) return undefined;
  const items = (fresh as YAMLMap | YAMLSeq).items as unknown[];
  if (items.some((item) => hasAnchorOrAlias(item))) return undefined;
  if (isMapping) {
    // A key the new items share with each other or with the rest of the mapping is a duplicate key error: compose in full to report it.
    const keys = new Set<unknown>();
    for (const pair of items as Pair[]) {
      if (!isScalar(pair.key) || keys.has(pair.key.value)) return undefined;
      keys.add(pair.key.value);
    }
    const kept = (collection.items as Pair[]).filter((_, k) => k < patch.first || k >= patch.first + patch.removed);
    if (kept.some((pair) => !isScalar(pair.key) || keys.has(pair.key.value))) return undefined;
  }

  // Commit: the previous document becomes the new one.
  const delta = patch.delta;
  for (const item of collection.items.slice(patch.first + patch.removed)) shiftNode(item, delta);
  (collection.items as unknown[]).splice(patch.first, patch.removed, ...items);
  shiftEnd(collection.range, delta);
  for (const { node: ancestor, index } of ancestors.reverse()) {
    for (const item of ancestor.items.slice(index + 1)) shiftNode(item, delta);
    shiftEnd(ancestor.range, delta);
  }
  shiftEnd(doc.range, delta);
  return previous;
}

/** The replaced items composed on their own (`composePatch(...)[0].contents` is what `patchDocuments` puts in). */
export function composePatch(patch: Patch, options: ComposeOptions): Document.Parsed[] {
  const first = patch.items[0];
  const fragment: CST.Document = {
    type: 'document',
    offset: firstOffset(first),
    start: [],
    value: { ...patch.collection, offset: firstOffset(first), items: patch.items } as CST.BlockMap,
  };
  return compose([fragment], options);
}

function shiftEnd(range: [number, number, number] | null | undefined, delta: number): void {
  if (!range) return;
  range[1] += delta;
  range[2] += delta;
}

/** Adds `delta` to the range of every node under `node` (a node or a pair). */
function shiftNode(node: unknown, delta: number): void {
  if (delta === 0) return;
  if (isPair(node)) {
    shiftNode(node.key, delta);
    shiftNode(node.value, delta);
    return;
  }
  if (isScalar(node) || isAlias(node) || isMap(node) || isSeq(node)) {
    const range = node.range;
    if (range) {
      range[0] += delta;
      range[1] += delta;
      range[2] += delta;
    }
    if (isMap(node) || isSeq(node)) for (const item of node.items) shiftNode(item, delta);
  }
}

function hasAnchorOrAlias(node: unknown): boolean {
  if (isPair(node)) return hasAnchorOrAlias(node.key) || hasAnchorOrAlias(node.value);
  if (isAlias(node)) return true;
  if (isScalar(node)) return Boolean(node.anchor);
  if (isMap(node) || isSeq(node)) return Boolean(node.anchor) || (node.items as unknown[]).some(hasAnchorOrAlias);
  return false;
}
