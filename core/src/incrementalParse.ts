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
import { Parser, type CST, type Document } from 'yaml';
import { isTrivia, spliced, type Spliced } from './cstSplice';
import { composePatch, patchDocuments } from './documentPatch';
import { fallback, incrementalParseStats } from './incrementalStats';
import type { ComposeOptions, CstCache } from './incrementalTypes';
import { compose } from './yamlCompose';
import { tooDeeplyNested } from './cstDepth';
import { PARSE_LIMITS } from './limits';

export { incrementalParseStats } from './incrementalStats';
export type { CstCache } from './incrementalTypes';

export interface ParsedDocuments {
  documents: Document.Parsed[];
  /** The CST to reuse on the next edit, when it is safe to. */
  cache?: CstCache;
  /** Whether the tokens came from splicing (for tests and the benchmark). */
  incremental: boolean;
  /** Where collections nest past `PARSE_LIMITS.maxNestingDepth`: nothing was composed (`documents` is empty). */
  tooDeepAt?: number;
}

/** The same as yaml's `parseAllDocuments(text, options)`, reusing `previous` when it can. */
export function parseDocuments(text: string, options: ComposeOptions, previous: CstCache | undefined): ParsedDocuments {
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
      const edited = composePatch(result.patch, options);
      // The edit itself broke the YAML: the whole text will be parsed again (see below), so
      // composing the whole spliced tree first would only be thrown away.
      if (edited.some((d) => d.errors.length > 0 || d.warnings.length > 0)) tokens = fallback('YAML errors in the edited items');
      else documents = patchDocuments(previous.documents, result.patch, edited);
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
  if (!tokens) {
    tokens = Array.from(new Parser().parse(text));
    const tooDeepAt = tooDeeplyNested(tokens, PARSE_LIMITS.maxNestingDepth);
    if (tooDeepAt !== undefined) return { documents: [], incremental: false, tooDeepAt };
  }
  documents ??= compose(tokens, options);
  // Kept for the next edit only when clean: composing reports every parser error token, so no
  // error (a duplicate key aside) means none is in the tree, without walking it.
  const clean = documents.length === 1 && !documents[0].warnings.length && documents[0].errors.every((e) => e.code === 'DUPLICATE_KEY');
  return { documents, cache: clean && isReusable(tokens) ? { text, tokens, documents } : undefined, incremental };
}

function isReusable(tokens: CST.Token[]): boolean {
  const doc = tokens[tokens.length - 1];
  if (!doc || doc.type !== 'document' || !tokens.slice(0, -1).every(isTrivia)) return false;
  if (doc.start.some((t) => t.type !== 'space' && t.type !== 'comment' && t.type !== 'newline')) return false;
  return doc.value?.type === 'block-map' && doc.value.indent === 0;
}
