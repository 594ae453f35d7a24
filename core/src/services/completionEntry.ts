// What a completion offers, in the core's terms (the server renames it into LSP's CompletionItem).
import type { Range } from '../types';

export type CompletionKind = 'property' | 'value' | 'enum' | 'snippet' | 'constant' | 'timezone';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Short text beside the label: the type, a day's full name, a zone's offset. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Replaces `range`; a snippet (tab stops) when `snippet` is true. Indentation is final (insert as is). */
  insertText: string;
  snippet: boolean;
  range: Range;
  filterText?: string;
  sortText?: string;
  preselect?: boolean;
}
