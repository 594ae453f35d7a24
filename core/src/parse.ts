import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseDocuments, type CstCache } from './incrementalParse';
import { LineIndex, withLineFeeds } from './lineIndex';
import {
  hasTooManyMarks,
  MAX_CAMPAIGN_FILE_BYTES,
  MAX_CAMPAIGN_FILE_LINES,
  MAX_CAMPAIGN_FILE_MARKS,
  PARSE_LIMITS,
  utf8Length,
} from './limits';
import { reportDuplicateKeys } from './duplicateKeys';
import { resolveAlias } from './aliases';
import { neutraliseMergeKeys } from './mergeKeys';
import { omittedYamlErrors } from './yamlCompose';
import type { Range } from './types';

/** A path into the campaign as the API names it: `['dialingStrategy', 'callingHours', 'days', 0]`. */
import type { FieldPath } from './fieldPaths';
export type { FieldPath } from './fieldPaths';

export { PARSE_LIMITS, MAX_CAMPAIGN_FILE_BYTES, MAX_CAMPAIGN_FILE_LINES, MAX_CAMPAIGN_FILE_MARKS } from './limits';

export interface ParsedCampaign {
  readonly text: string;
  readonly lines: LineIndex;
  /** The first YAML document (the campaign); later documents are reported, not used. */
  readonly document: Document.Parsed | undefined;
  readonly documents: readonly Document.Parsed[];
  /** The campaign as plain data, or undefined when it cannot be built safely. */
  readonly value: unknown;
  /** Why `value` could not be built (alias limit, nesting, size), with where it happened. */
  readonly valueError?: { message: string; code: string; offset: [number, number] };
  /** YAML errors past `PARSE_LIMITS.maxYamlErrors`: counted, not kept. */
  readonly yamlErrorsOmitted?: number;
  /** Merge keys (`<<`, `!!merge`), which the API does not know: reported, and read as ordinary keys. */
  readonly mergeKeys?: readonly (readonly [number, number])[];
}

/**
 * The syntax tree behind each parse (with its Document), kept aside, not in `ParsedCampaign`'s
 * shape, so the next parse of the same document can re-parse only what an edit changed. The
 * composed Document does not point into it (yaml's `keepSourceTokens` is off): without this
 * entry the tree is garbage once composed, which is why only a tree that can be reused is kept.
 */
const syntaxTrees = new WeakMap<ParsedCampaign, CstCache>();

/**
 * Below this many characters (a few hundred lines) a full parse takes a millisecond or two:
 * no tree is kept, so small files (and the CLI's thousands of them) carry no extra state.
 */
const INCREMENTAL_MIN_LENGTH = 20_000;

/**
 * Whether `parseCampaign(text, parsed)` can re-parse from `parsed`: only a clean large file's
 * parse keeps a syntax tree. Otherwise a caller should drop `parsed` before parsing again, so
 * that the old parse (as much memory again, all of it marked by each collection) is not alive
 * while the new one is built.
 */
export function canReparseFrom(parsed: ParsedCampaign): boolean {
  return syntaxTrees.has(parsed);
}

/** The concrete syntax tree kept for `parsed` (for tests: an incremental parse must equal a full one). */
export function syntaxTreeOf(parsed: ParsedCampaign): readonly unknown[] | undefined {
  return syntaxTrees.get(parsed)?.tokens;
}

/**
 * Parse a campaign file; never throws. `previous`, the last parse of the same document (the
 * language server passes it on every change), lets a large file be re-parsed only where it
 * changed (see incrementalParse.ts); the result is the same as without it. `previous` is
 * handed over: its syntax tree and Document are reused and changed in place, so it must not be
 * used after this call.
 */
export function parseCampaign(source: string, previous?: ParsedCampaign): ParsedCampaign {
  const text = withLineFeeds(source);
  const lines = new LineIndex(text);
  const notAnalysed = (valueError: NonNullable<ParsedCampaign['valueError']>): ParsedCampaign => ({
    text,
    lines,
    document: undefined,
    documents: [],
    value: undefined,
    valueError,
  });
  const tooLarge = text.length * 3 > MAX_CAMPAIGN_FILE_BYTES ? utf8Length(text) : 0;
  if (tooLarge > MAX_CAMPAIGN_FILE_BYTES) {
    const MB = 1024 * 1024;
    const message = `This file is ${(tooLarge / MB).toFixed(1)} MB; campaign files are a few kilobytes, and files over ${MAX_CAMPAIGN_FILE_BYTES / MB} MB are not analysed.`;
    return notAnalysed({ code: 'file-too-large', message, offset: [0, 0] });
  }
  if (lines.lineCount > MAX_CAMPAIGN_FILE_LINES) {
    const count = lines.lineCount.toLocaleString('en-US');
    const message = `This file has ${count} lines; campaign files have a few hundred, and files over ${MAX_CAMPAIGN_FILE_LINES.toLocaleString('en-US')} lines are not analysed.`;
    return notAnalysed({ code: 'file-too-large', message, offset: [0, 0] });
  }
  if (hasTooManyMarks(text)) {
    const message = `This file has more than ${MAX_CAMPAIGN_FILE_MARKS.toLocaleString('en-US')} YAML marks (colons, commas, dashes, brackets, line breaks); campaign files have a few thousand, and files with more are not analysed.`;
    return notAnalysed({ code: 'file-too-large', message, offset: [0, 0] });
  }
  const tooDeep = findExcessiveNesting(text, PARSE_LIMITS.maxNestingDepth);
  const nestingError = (offset: number) =>
    notAnalysed({
      code: 'yaml-nesting',
      message: `The file nests deeper than ${PARSE_LIMITS.maxNestingDepth} levels; a campaign needs at most 5. It was not analysed further.`,
      offset: [offset, offset + 1],
    });
  if (tooDeep !== undefined) return nestingError(tooDeep);
  let documents: Document.Parsed[];
  let tree: CstCache | undefined;
  let tooDeepAt: number | undefined;
  try {
    const reusable = previous ? syntaxTrees.get(previous) : undefined;
    if (previous) syntaxTrees.delete(previous);
    // As yaml's parseAllDocuments(text, options), with the CST kept for the next edit.
    ({
      documents,
      cache: tree,
      tooDeepAt,
    } = parseDocuments(text, { prettyErrors: false, uniqueKeys: false, version: '1.2', logLevel: 'error' }, reusable));
  } catch (error) {
    // The yaml package does not throw on bad input; this guards stack exhaustion only.
    return notAnalysed({ code: 'yaml-syntax', message: `The file could not be read as YAML: ${(error as Error).message}`, offset: [0, 0] });
  }
  if (tooDeepAt !== undefined) return nestingError(tooDeepAt);
  // yaml's own duplicate-key check is quadratic: composing runs without it, this finds them in one pass.
  for (const document of documents) reportDuplicateKeys(document);
  const document = documents[0];
  const mergeKeys = document && (text.includes('<<') || text.includes('!!merge')) ? neutraliseMergeKeys(document) : [];
  let value: unknown;
  let valueError: ParsedCampaign['valueError'];
  if (document && document.errors.length === 0) {
    try {
      value = document.toJS({ maxAliasCount: PARSE_LIMITS.maxAliasCount });
    } catch (error) {
      const alias = firstAlias(document.contents);
      const unresolved = /unresolved alias/i.test((error as Error).message);
      valueError = {
        code: unresolved ? 'yaml-undefined-alias' : 'yaml-alias-limit',
        message: unresolved
          ? 'An alias refers to no anchor defined before it.'
          : error instanceof ReferenceError && /alias/i.test(error.message)
            ? `Aliases here expand into too many nodes (more than ${PARSE_LIMITS.maxAliasCount} per alias): the file is not analysed further. Write the values out instead of nesting aliases.`
            : `The file could not be turned into a campaign: ${(error as Error).message}`,
        offset: alias?.range ? [alias.range[0], alias.range[1]] : [0, 0],
      };
    }
  }
  const yamlErrorsOmitted = omittedYamlErrors(document);
  const parsed: ParsedCampaign = {
    text,
    lines,
    document,
    documents,
    value,
    valueError,
    ...(yamlErrorsOmitted ? { yamlErrorsOmitted } : {}),
    ...(mergeKeys.length ? { mergeKeys } : {}),
  };
  if (tree && text.length >= INCREMENTAL_MIN_LENGTH) syntaxTrees.set(parsed, tree);
  return parsed;
}

/**
 * The offset where bracket or indentation nesting first exceeds `limit`, if it does.
 * A linear scan: cheaper than letting the recursive composer overflow its stack.
 */
function findExcessiveNesting(text: string, limit: number): number | undefined {
  // Brackets can only nest past the limit if there are more of them than the limit: counting
  // them (native indexOf) skips the character loop below for almost every file, large ones included.
  if (countUpTo(text, '[', limit + 1) + countUpTo(text, '{', limit + 1) > limit) {
    const tooDeep = findExcessiveBracketNesting(text, limit);
    if (tooDeep !== undefined) return tooDeep;
  }
  // Block nesting needs indentation; an indentation of more than 2 columns a level past the limit is suspect.
  const deepIndent = new RegExp(`^[ -]{${limit * 2},}\\S`, 'm').exec(text);
  return deepIndent ? deepIndent.index + deepIndent[0].length - 1 : undefined;
}

function countUpTo(text: string, char: string, max: number): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1 && count < max; i = text.indexOf(char, i + 1)) count++;
  return count;
}

function findExcessiveBracketNesting(text: string, limit: number): number | undefined {
  let depth = 0;
  let inQuote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuote !== undefined) {
      if (text[i] === inQuote) inQuote = undefined;
      else if (c === 10) inQuote = undefined; // keep the scan cheap: quotes rarely span lines in campaigns
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) inQuote = text[i];
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth = Math.max(0, depth - 1);
    else if (c === 35 /* # */) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol - 1;
    }
  }
  return undefined;
}

function firstAlias(node: unknown): Node | undefined {
  const stack: unknown[] = [node];
  while (stack.length) {
    const current = stack.pop();
    if (isAlias(current)) return current;
    if (isMap(current) || isSeq(current)) {
      for (const item of current.items) stack.push(isPair(item) ? item.value : item, isPair(item) ? item.key : undefined);
    }
  }
  return undefined;
}

/** Start and end offsets in the text; a node's own range (which has a third entry) is used as is, never copied or changed. */
export type Offsets = readonly [number, number, ...number[]];

export interface Located {
  /** The pair holding the field, when the field is a mapping value. */
  pair?: Pair;
  /** The value node (after following aliases). */
  node?: Node;
  /** Where a problem with this field is reported: the alias when the value came through one. */
  reportRange: Offsets;
  keyRange?: Offsets;
  viaAlias: boolean;
}

/**
 * Find the node for a field path, following aliases; a value reached through an alias
 * is reported where the alias is used, since that is where the author looks.
 */
export function locate(parsed: ParsedCampaign, path: FieldPath): Located | undefined {
  const document = parsed.document;
  if (!document) return undefined;
  // Called for every problem a rule reports (tens of thousands on a large broken file): a loop
  // without closures, and the nodes' own range arrays rather than copies.
  const aliases = { range: undefined as Offsets | undefined, visited: 0 };
  let current = resolveAliases(parsed, document, document.contents, aliases);
  let pair: Pair | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!isSeq(current)) return undefined;
      current = resolveAliases(parsed, document, current.items[segment], aliases);
      pair = undefined;
    } else {
      if (!isMap(current)) return undefined;
      pair = pairByKey(parsed, current, segment);
      if (!pair) return undefined;
      current = resolveAliases(parsed, document, pair.value, aliases);
    }
  }
  const node = current as Node | undefined;
  const keyRange = (pair?.key as Node | undefined)?.range ?? undefined;
  const reportRange = aliases.range ?? node?.range ?? keyRange ?? NO_RANGE;
  return { pair, node, reportRange, keyRange: aliases.range ? undefined : keyRange, viaAlias: aliases.range !== undefined };
}

const NO_RANGE: Offsets = [0, 0];

/** The node an alias chain ends at (undefined past the alias limit); the first alias's range is kept in `aliases`. */
function resolveAliases(
  parsed: ParsedCampaign,
  document: Document.Parsed,
  node: unknown,
  aliases: { range: Offsets | undefined; visited: number },
): unknown {
  while (isAlias(node)) {
    if (++aliases.visited > PARSE_LIMITS.maxAliasCount) return undefined;
    aliases.range ??= node.range ?? undefined;
    node = resolveAlias(parsed, document, node);
  }
  return node;
}

/** Key -> pair of the large mappings of each parse, built on first use: a rule reporting on every key of a mapping of thousands would otherwise scan it once per report. Per parse, because an incremental parse changes mappings in place. */
const keyIndexes = new WeakMap<ParsedCampaign, WeakMap<YAMLMap, Map<string, Pair>>>();

/** The first pair of `map` whose scalar key reads as `key`. */
function pairByKey(parsed: ParsedCampaign, map: YAMLMap, key: string): Pair | undefined {
  const items = map.items as Pair[];
  if (items.length < 32) {
    for (const item of items) if (isScalar(item.key) && String(item.key.value) === key) return item;
    return undefined;
  }
  let perParse = keyIndexes.get(parsed);
  if (!perParse) keyIndexes.set(parsed, (perParse = new WeakMap()));
  let index = perParse.get(map);
  if (!index) {
    index = new Map();
    for (const item of items) if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    perParse.set(map, index);
  }
  return index.get(key);
}

export function toRange(parsed: ParsedCampaign, offsets: readonly [number, number] | readonly number[]): Range {
  return parsed.lines.range(offsets[0], offsets[1] ?? offsets[0]);
}
