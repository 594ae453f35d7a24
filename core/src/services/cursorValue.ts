// The cursor in a value (after `key:`, or an item of a flow list), and the context type
// shared by the block (cursor.ts) and flow (flowCursor.ts) readings of a line.
import type { FieldPath } from '../parse';
import type { Range } from '../types';

export type CursorContext =
  | {
      /** Typing a key (or on an empty line) in the mapping at `path`; or, when `path` is a list, a new item. */
      kind: 'key';
      path: FieldPath;
      present: Set<string>;
      /** The column where the key starts (its indentation), for skeletons of nested fields. */
      column: number;
      prefix: string;
      replace: Range;
      /** `- ` is right before the cursor's word: the mapping is a new list item. */
      afterDash: boolean;
      /** A `:` already follows the word: insert the key name only. */
      hasColon: boolean;
      inFlow: boolean;
    }
  | {
      /** The value of the field at `path` (after `key:`), or a scalar item of the list at `path`. */
      kind: 'value';
      path: FieldPath;
      column: number;
      prefix: string;
      replace: Range;
      /** The quote the value was opened with, if any: completions keep it. */
      quote?: '"' | "'";
      /** The cursor is right after the `:`: a value needs a space before it. */
      needsSpace?: boolean;
      inFlow: boolean;
    }
  | { kind: 'none' };

export function valueContext(
  text: string,
  valueFrom: number,
  cursor: number,
  path: FieldPath,
  column: number,
  inFlow: boolean,
  range: (from: number, to: number) => Range,
): CursorContext {
  let start = valueFrom;
  while (text[start] === ' ' || text[start] === '\t') start++;
  if (start > cursor) start = cursor;
  const quote = text[start] === '"' || text[start] === "'" ? (text[start] as '"' | "'") : undefined;
  // The value runs to a comment, or (in a flow collection) to the next `,` `}` `]`.
  const rest = text.slice(start);
  const stop = inFlow ? /^(?:"[^"]*"?|'[^']*'?|[^,}\]#])*/.exec(rest) : /^(?:"(?:[^"\\]|\\.)*"?|'[^']*'?|(?:[^#]|(?<!\s)#)*)/.exec(rest);
  let end = start + (stop ? stop[0].trimEnd().length : 0);
  if (end < cursor) end = cursor;
  const prefix = text.slice(quote ? start + 1 : start, cursor);
  const needsSpace = start === valueFrom && text[valueFrom - 1] === ':';
  return {
    kind: 'value',
    path,
    column,
    prefix,
    replace: range(start, end),
    ...(quote ? { quote } : {}),
    ...(needsSpace ? { needsSpace } : {}),
    inFlow,
  };
}
