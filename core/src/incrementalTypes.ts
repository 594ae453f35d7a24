// The shapes shared by the incremental parse's two halves: splicing the syntax tree
// (cstSplice.ts) and patching the composed document (documentPatch.ts).
import type { Composer, CST, Document } from 'yaml';

export interface CstCache {
  /** The text the tokens were parsed from. */
  readonly text: string;
  /** Parser output: one `document` token (after any comment lines before it), free of error tokens. */
  readonly tokens: CST.Token[];
  /** The documents composed from `tokens`: patched in place too, when that is safe. */
  readonly documents: Document.Parsed[];
}

export type ComposeOptions = ConstructorParameters<typeof Composer>[0];
export type Collection = CST.BlockMap | CST.BlockSequence;
export type Item = Collection['items'][number];

/** Where the tokens were replaced, for patching the composed document the same way. */
export interface Patch {
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
