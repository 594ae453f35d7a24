// The first half of an incremental parse: the concrete syntax tree of the previous text is
// reused, and only the block-collection items an edit touched are parsed again and spliced in
// (see incrementalParse.ts for the whole design and the claim it rests on).
import { Parser, type CST } from 'yaml';
import { fallback } from './incrementalStats';
import { tooDeeplyNested } from './cstDepth';
import { PARSE_LIMITS } from './limits';
import { containsError, indentedWithin, isClosed } from './cstFragment';
import type { Collection, CstCache, Item, Patch } from './incrementalTypes';

/** Comment lines and blank lines before the document are tokens of their own. */
export function isTrivia(token: CST.Token): boolean {
  return token.type === 'space' || token.type === 'comment' || token.type === 'newline';
}

export interface Spliced {
  tokens: CST.Token[];
  patch?: Patch;
}

/** Tokens for `text` built from `cache` (whose tokens are taken over and shifted), or undefined. */
export function spliced(cache: CstCache, text: string): Spliced | undefined {
  const old = cache.text;
  if (old === text) return { tokens: cache.tokens };
  // The changed span: old [from, oldEnd) became new [from, newEnd).
  const from = commonPrefix(old, text);
  const tail = commonSuffix(old, text, Math.min(old.length, text.length) - from);
  const oldEnd = old.length - tail;
  const newEnd = text.length - tail;
  const delta = newEnd - oldEnd;
  const doc = cache.tokens[cache.tokens.length - 1] as CST.Document;
  const top = doc.value as CST.BlockMap;

  // The chain of block collections that hold the change, from the top down; the deepest one
  // whose items around the change can be parsed on their own is parsed again.
  const chain: { collection: Collection; span: [number, number]; path: number[] }[] = [];
  let path: number[] = [];
  let collection: Collection = top;
  let span = coveringItems(top, from, oldEnd, true);
  while (span) {
    chain.push({ collection, span, path });
    const value: CST.Token | undefined = collection.items[span[0]].value;
    if (span[0] !== span[1] || !value || (value.type !== 'block-map' && value.type !== 'block-seq')) break;
    path = [...path, span[0]];
    collection = value;
    span = coveringItems(value, from, oldEnd, false);
  }
  const level = chain.reverse().find((c) => canSplice(c.collection, c.span, c.collection === top));
  if (!level) return fallback(chain.length ? 'last items of a collection' : 'no item covers the change');
  return splice(text, cache, doc, level.collection, level.span, delta, level.path);
}

/** Parses items span[0]..span[1]+1 of `collection` again from `text` and puts them in place; undefined if unsafe. */
function splice(
  text: string,
  cache: CstCache,
  doc: CST.Document,
  collection: Collection,
  span: [number, number],
  delta: number,
  path: number[],
): Spliced | undefined {
  {
    const i = span[0];
    // One more item is parsed than was touched, so the fragment never ends on a removed item and the item after an edit is read in context.
    const last = span[1] + 1;
    const startOffset = i === 0 ? 0 : firstOffset(collection.items[i]);
    const endOffset = firstOffset(collection.items[last + 1]) + delta;
    const fragment = text.slice(startOffset, endOffset);
    if (!fragment.endsWith('\n') || (startOffset > 0 && text.charCodeAt(startOffset - 1) !== 10))
      return fallback('fragment not whole lines');
    const parsed = parseFragment(fragment, collection, startOffset, path.length);
    if (!parsed) return undefined;
    // Commit: from here on the old tokens are changed in place.
    const oldCount = collection.items.length;
    const after = (collection.items as Item[]).slice(last + 1);
    for (const item of after) shift(item, delta);
    let items: Item[];
    if (i === 0) {
      doc.start = parsed.docStart;
      doc.offset = parsed.docOffset;
      collection.offset = parsed.collectionOffset;
      items = parsed.items;
    } else {
      // Whatever preceded the first item in the fragment (blank lines, comments, indentation) belongs to that item, as in a full parse.
      const leading = [...(parsed.prelude as CST.SourceToken[]), ...parsed.docStart];
      if (leading.length) parsed.items[0].start = [...leading, ...parsed.items[0].start];
      items = parsed.items;
    }
    // Item types differ between maps and sequences only nominally here: the fragment is of the same kind (checked in parseFragment).
    (collection as { items: Item[] }).items = [...(collection.items as Item[]).slice(0, i), ...items, ...after];
    // Everything after the collection moves too: later items of every ancestor, and the document's end.
    shiftAfter(doc, endOffset - delta, delta, collection);
    if (i === 0) return { tokens: [...parsed.prelude, doc] }; // the document's start changed: compose it all
    return { tokens: cache.tokens, patch: { path, first: i, removed: last - i + 1, oldCount, items, collection, delta } };
  }
}

/** Compared a block at a time first (native string comparison), then a character at a time. */
const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common end of a and b, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let k = 0;
  while (k + BLOCK <= max && a.slice(a.length - k - BLOCK, a.length - k) === b.slice(b.length - k - BLOCK, b.length - k)) k += BLOCK;
  while (k < max && a.charCodeAt(a.length - k - 1) === b.charCodeAt(b.length - k - 1)) k++;
  return k;
}

/**
 * Items i..j of `collection` whose text covers the change [from, to): i is the last item
 * starting at or before `from`, j the last starting before `to`. At the top, text before the
 * first item (leading comments) counts as the first item's.
 */
function coveringItems(collection: Collection, from: number, to: number, isTop: boolean): [number, number] | undefined {
  const items = collection.items;
  if (items.length === 0) return undefined;
  let i = isTop ? 0 : -1;
  let j = -1;
  for (let k = 0; k < items.length; k++) {
    const start = firstOffset(items[k]);
    if (start > from && start >= to) break;
    if (start <= from) i = k;
    if (start < to) j = k;
  }
  if (i === -1) return undefined;
  // An edit among the comment and blank lines before an item can move them into the item
  // before (a comment indented deeper than the collection belongs to the item above it): the
  // fragment starts an item earlier, so that item reads them as the whole file does.
  if (i > 0 && from <= contentOffset(items[i])) i--;
  return [i, Math.max(i, j)];
}

/** The offset of an item's first token that is not a comment, blank or indentation. */
function contentOffset(item: Item): number {
  const first = item.start.find((t) => !isTrivia(t)) ?? ('key' in item ? (item.key ?? item.sep?.[0]) : undefined) ?? item.value;
  return first ? first.offset : Number.MAX_SAFE_INTEGER;
}

/** Whether items i..j can be parsed again on their own: see the file comment. */
function canSplice(collection: Collection, [i, j]: [number, number], isTop: boolean): boolean {
  if (i === 0 && !isTop) return false;
  // j + 1 is parsed too; j + 2 must exist to anchor the fragment's end.
  return j + 2 <= collection.items.length - 1;
}

interface Fragment {
  /** Comment and blank lines before the document (kept as such when the fragment starts the file, else the first item's). */
  prelude: CST.Token[];
  docStart: CST.SourceToken[];
  docOffset: number;
  collectionOffset: number;
  items: Item[];
}

function parseFragment(fragment: string, like: Collection, base: number, depth: number): Fragment | undefined {
  if (!indentedWithin(fragment, like.indent)) return fallback('a line indented less than the collection');
  const tokens = Array.from(new Parser().parse(fragment));
  const doc = tokens[tokens.length - 1];
  if (!doc || doc.type !== 'document') return fallback('fragment is not one document');
  const prelude = tokens.slice(0, -1);
  if (!prelude.every(isTrivia)) return fallback('fragment is not one document');
  const value = doc.value;
  if (!value || value.type !== like.type) return fallback('fragment is another kind of collection');
  const collection = value as Collection;
  if (collection.indent !== like.indent || collection.items.length === 0) return fallback('fragment is another kind of collection');
  if (doc.end?.length) return fallback('fragment is not one document');
  if (doc.start.some((t) => !isTrivia(t))) return fallback('fragment is not one document');
  if (containsError(doc)) return fallback('fragment has syntax errors');
  if (tooDeeplyNested([doc], PARSE_LIMITS.maxNestingDepth, depth) !== undefined) return fallback('fragment nests too deeply');
  if (!isClosed(doc, fragment.length)) return fallback('fragment leaves a quote, bracket or line open');
  if (nestsMapAtIndent(collection, like.indent)) return fallback("a nested mapping at the collection's indentation");
  shift(doc, base);
  shift(prelude, base);
  return { prelude, docStart: doc.start, docOffset: doc.offset, collectionOffset: collection.offset, items: collection.items as Item[] };
}

/**
 * Whether a mapping inside the items is indented no deeper than the collection itself
 * (`k: v#: v` makes yaml open a mapping at the line's indentation): in the file, the lines
 * after the fragment would continue that mapping, in the fragment they cannot.
 */
function nestsMapAtIndent(collection: Collection, indent: number): boolean {
  const stack: (CST.Token | undefined)[] = collection.items.flatMap((item) => [item.key ?? undefined, item.value]);
  while (stack.length) {
    const token = stack.pop();
    if (!token || (token.type !== 'block-map' && token.type !== 'block-seq')) continue;
    if (token.type === 'block-map' && token.indent <= indent) return true;
    for (const item of token.items) stack.push(item.key ?? undefined, item.value);
  }
  return false;
}

/** The offset of an item's first token: where its text (leading comments and indentation included) starts. */
export function firstOffset(item: Item): number {
  const first = item.start[0] ?? ('key' in item ? (item.key ?? item.sep?.[0]) : undefined) ?? item.value;
  return first ? first.offset : Number.MAX_SAFE_INTEGER;
}

/**
 * Moves every token that starts at or after `from` by `delta`, outside `except` (whose items
 * were rebuilt already): the later items of each ancestor collection and the document's end.
 */
function shiftAfter(doc: CST.Document, from: number, delta: number, except: Collection): void {
  if (delta === 0) return;
  const visit = (token: CST.Token | undefined): void => {
    if (!token || token === except) return;
    if (token.type === 'block-map' || token.type === 'block-seq') {
      for (const item of token.items) {
        if (firstOffset(item) >= from) shift(item, delta);
        else {
          // The item holding the edited collection: only its value moved past `from` (keys and separators come before it).
          visit(item.value);
        }
      }
    }
  };
  visit(doc.value);
  if (doc.end) for (const t of doc.end) shift(t, delta);
}

/** Adds `delta` to every `offset` under `node` (a CST token, item or token list). */
export function shift(node: unknown, delta: number): void {
  if (delta === 0 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) shift(child, delta);
    return;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.offset === 'number') record.offset += delta;
  for (const key in record) {
    const child = record[key];
    if (child !== null && typeof child === 'object') shift(child, delta);
  }
}
