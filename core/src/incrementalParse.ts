// Re-parse only what changed. Lexing and parsing YAML into the concrete syntax tree (CST) is
// most of the cost of a keystroke on a large file (about 400 of 500 ms on 50,000 lines, measured
// by bench/), composing the tree into a Document most of the rest. So the previous parse's CST
// and Document are kept, and after an edit only the block-collection items the edit touched
// are parsed again (as a standalone fragment), spliced into the CST, the tokens after them
// shifted by the edit's length change; then the same items are composed on their own and put
// into the previous Document, the ranges of the nodes after them shifted too. On the
// benchmark's 50,000-line files an edit -> diagnostics went from 217-1,438 ms to 52-96 ms.
//
// Correctness rests on one claim: a run of whole items of a block collection, cut at line
// starts between items, parses on its own into the same tokens it gets inside the file, when
// every line of it is indented at least as far as the collection and it closes what it opens.
// Every case where that could fail falls back to a full parse (or a full compose): anything
// other than one clean document (directives, `---`, a second document), YAML errors before or
// after the edit (a duplicate key aside), a fragment that does not parse into one error-free
// collection of the same kind and indentation, a line indented less, an open quote or bracket,
// anchors or aliases in the new items, an edit to the first item of a nested collection or to
// the last items of the top mapping. test/incremental-parse.test.mjs compares the spliced
// CST token for token, every composed node, the value and the diagnostics with a full parse
// over many edits: inside sections, moving sections, breaking the YAML, and random ones.
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, type CST, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

export interface CstCache {
  /** The text the tokens were parsed from. */
  readonly text: string;
  /** Parser output: one `document` token (after any comment lines before it), free of error tokens. */
  readonly tokens: CST.Token[];
  /** The documents composed from `tokens`: patched in place too, when that is safe. */
  readonly documents: Document.Parsed[];
}

/** Where the tokens were replaced, for patching the composed document the same way. */
interface Patch {
  /** Item indices from the top mapping down to the collection whose items were replaced. */
  path: number[];
  /** Items [first, first + removed) were replaced by `items`. */
  first: number;
  removed: number;
  /** The collection's item count before the change. */
  oldCount: number;
  items: Item[];
  collection: Collection;
  delta: number;
}

export interface ParsedDocuments {
  documents: Document.Parsed[];
  /** The CST to reuse on the next edit, when it is safe to. */
  cache?: CstCache;
  /** Whether the tokens came from splicing (for tests and the benchmark). */
  incremental: boolean;
}

type Options = ConstructorParameters<typeof Composer>[0];
type Collection = CST.BlockMap | CST.BlockSequence;
type Item = Collection['items'][number];

/** How often a parse reused the previous tree, for tests and the benchmark. */
export const incrementalParseStats = { spliced: 0, patched: 0, full: 0, fallbacks: {} as Record<string, number> };

function fallback(reason: string): undefined {
  incrementalParseStats.fallbacks[reason] = (incrementalParseStats.fallbacks[reason] ?? 0) + 1;
  return undefined;
}

/** The same as yaml's `parseAllDocuments(text, options)`, reusing `previous` when it can. */
export function parseDocuments(text: string, options: Options, previous: CstCache | undefined): ParsedDocuments {
  let result: Spliced | undefined;
  try {
    result = previous ? spliced(previous, text) : undefined;
  } catch {
    result = fallback('exception'); // never worse than a full parse
  }
  let tokens = result?.tokens;
  let documents: Document.Parsed[] | undefined;
  if (result?.patch && previous) {
    try {
      documents = patchDocuments(previous.documents, result.patch, options);
    } catch {
      documents = undefined;
    }
    if (documents) incrementalParseStats.patched++;
  }
  documents ??= tokens ? compose(tokens, options) : undefined;
  // Broken YAML is where a fragment could be read differently on its own than in the file
  // (the parser recovers by context): any YAML error or warning but a duplicate key (found
  // when composing, from keys alone) means a full parse instead.
  if (documents?.some((d) => d.warnings.length > 0 || d.errors.some((e) => e.code !== 'DUPLICATE_KEY'))) {
    documents = tokens = undefined;
    fallback('YAML errors');
  }
  const incremental = tokens !== undefined;
  if (incremental) incrementalParseStats.spliced++;
  else incrementalParseStats.full++;
  tokens ??= Array.from(new Parser().parse(text));
  documents ??= compose(tokens, options);
  // Kept for the next edit only when clean: composing reports every parser error token, so no
  // error (a duplicate key aside) means none is in the tree, without walking it.
  const clean = documents.length === 1 && !documents[0].warnings.length && documents[0].errors.every((e) => e.code === 'DUPLICATE_KEY');
  return { documents, cache: clean && isReusable(tokens) ? { text, tokens, documents } : undefined, incremental };
}

/**
 * Composing is the next largest cost (about 100 ms on 50,000 lines of days): the replaced items
 * are composed on their own and put into the previous document in place of the old ones, and
 * the ranges of every node after them moved, when nothing in the document depends on them
 * otherwise: no YAML errors before or after, no duplicate key introduced, no anchor or alias
 * in the new items. Undefined means: compose the whole tree instead.
 */
function patchDocuments(previous: Document.Parsed[], patch: Patch, options: Options): Document.Parsed[] | undefined {
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

  const first = patch.items[0];
  const fragment: CST.Document = {
    type: 'document',
    offset: firstOffset(first),
    start: [],
    value: { ...patch.collection, offset: firstOffset(first), items: patch.items } as CST.BlockMap,
  };
  const composed = compose([fragment], options);
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

/** Comment lines and blank lines before the document are tokens of their own. */
function isTrivia(token: CST.Token): boolean {
  return token.type === 'space' || token.type === 'comment' || token.type === 'newline';
}

function compose(tokens: CST.Token[], options: Options): Document.Parsed[] {
  return Array.from(new Composer(options).compose(tokens)) as Document.Parsed[];
}

function isReusable(tokens: CST.Token[]): boolean {
  const doc = tokens[tokens.length - 1];
  if (!doc || doc.type !== 'document' || !tokens.slice(0, -1).every(isTrivia)) return false;
  if (doc.start.some((t) => t.type !== 'space' && t.type !== 'comment' && t.type !== 'newline')) return false;
  return doc.value?.type === 'block-map' && doc.value.indent === 0;
}

interface Spliced {
  tokens: CST.Token[];
  patch?: Patch;
}

/** Tokens for `text` built from `cache` (whose tokens are taken over and shifted), or undefined. */
function spliced(cache: CstCache, text: string): Spliced | undefined {
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
function splice(text: string, cache: CstCache, doc: CST.Document, collection: Collection, span: [number, number], delta: number, path: number[]): Spliced | undefined {
  {
    const i = span[0];
    // One more item is parsed than was touched, so the fragment never ends on a removed item and the item after an edit is read in context.
    const last = span[1] + 1;
    const startOffset = i === 0 ? 0 : firstOffset(collection.items[i]);
    const endOffset = firstOffset(collection.items[last + 1]) + delta;
    const fragment = text.slice(startOffset, endOffset);
    if (!fragment.endsWith('\n') || (startOffset > 0 && text.charCodeAt(startOffset - 1) !== 10)) return fallback('fragment not whole lines');
    const parsed = parseFragment(fragment, collection, startOffset);
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
  return [i, Math.max(i, j)];
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

function parseFragment(fragment: string, like: Collection, base: number): Fragment | undefined {
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
  if (!isClosed(doc, fragment.length)) return fallback('fragment leaves a quote, bracket or line open');
  shift(doc, base);
  shift(prelude, base);
  return { prelude, docStart: doc.start, docOffset: doc.offset, collectionOffset: collection.offset, items: collection.items as Item[] };
}

/** The offset of an item's first token: where its text (leading comments and indentation included) starts. */
function firstOffset(item: Item): number {
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
function shift(node: unknown, delta: number): void {
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

/**
 * Whether every line with content (comments included) is indented at least `indent` columns,
 * with spaces. A line indented less would end the collection in the file but not in the
 * fragment on its own (where no parent encloses it): such fragments are not used.
 */
function indentedWithin(fragment: string, indent: number): boolean {
  let lineStart = 0;
  while (lineStart < fragment.length) {
    let i = lineStart;
    while (fragment.charCodeAt(i) === 32) i++;
    const c = fragment.charCodeAt(i);
    if (c === 9) return false; // a tab in the indentation
    const blank = c === 10 || c === 13 || i >= fragment.length;
    if (!blank && i - lineStart < indent) return false;
    const eol = fragment.indexOf('\n', i);
    if (eol === -1) break;
    lineStart = eol + 1;
  }
  return true;
}

/**
 * Whether everything the fragment opens is closed within it: quoted scalars and flow
 * collections end with their closing character, and the fragment's last token is its final
 * line break (or a block scalar, which the next item's lower indentation ends in the file too).
 * Otherwise the full parse would have read on into the next item.
 */
function isClosed(doc: CST.Document, length: number): boolean {
  let last: CST.Token | undefined;
  let lastEnd = -1;
  let closed = true;
  const visit = (node: unknown): void => {
    if (!closed || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const token = node as CST.Token & Record<string, unknown>;
    switch (token.type) {
      case 'double-quoted-scalar': {
        const source = token.source;
        const backslashes = /\\*(?="$)/.exec(source)?.[0].length ?? 0;
        if (source.length < 2 || !source.endsWith('"') || backslashes % 2 === 1) closed = false;
        break;
      }
      case 'single-quoted-scalar':
        if (token.source.length < 2 || !token.source.endsWith("'") || (token.source.length > 2 && token.source.endsWith("''"))) closed = false;
        break;
      case 'flow-collection':
        if (!token.end.some((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end')) closed = false;
        break;
    }
    if (typeof token.source === 'string') {
      // A block scalar's offset is its header's; its text follows the header line.
      const props = token.type === 'block-scalar' ? (token.props as CST.SourceToken[]) : undefined;
      const header = props?.[props.length - 1];
      const from = header ? header.offset + header.source.length : token.offset;
      const end = from + token.source.length;
      if (end >= lastEnd) {
        lastEnd = end;
        last = token;
      }
    }
    // Visit children in document order: start, key, sep, value, items, end.
    for (const key of ['props', 'start', 'key', 'sep', 'items', 'value', 'end']) if (key in token) visit(token[key]);
  };
  visit(doc);
  if (!closed || !last || lastEnd !== length) return false;
  return last.type === 'newline' || last.type === 'block-scalar';
}

function containsError(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(containsError);
  const record = node as Record<string, unknown>;
  if (record.type === 'error') return true;
  for (const key in record) {
    const child = record[key];
    if (child !== null && typeof child === 'object' && containsError(child)) return true;
  }
  return false;
}
