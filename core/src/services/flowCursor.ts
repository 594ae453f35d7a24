// The cursor inside flow collections on its line (`- { day: MO, start: | }`, `days: [ { ...`).
// One pass over the line finds every bracket still open at the cursor, with what each holds
// before the next one (item count, key): the path is read from that, never by rescanning the
// line per bracket (a line of a hundred thousand `[` once took seconds, then overflowed the stack).
import type { FieldPath } from '../parse';
import { PARSE_LIMITS } from '../limits';
import type { Range } from '../types';
import { valueContext, type CursorContext } from './cursorValue';
import { containerPath, type LineShapes } from './lineShapes';

export interface OpenBracket {
  /** The column of the `{` or `[`. */
  column: number;
  /** Commas at this bracket's own level before the cursor (or before the next open bracket). */
  commas: number;
  /** Where the entry after the last such comma starts. */
  entryStart: number;
}

/** The unclosed `{` and `[` before the cursor on its line, outermost first, ignoring quoted text and comments. */
export function openFlowBrackets(before: string): OpenBracket[] {
  const stack: OpenBracket[] = [];
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(before[i - 1]))) break;
    else if (c === '{' || c === '[') stack.push({ column: i, commas: 0, entryStart: i + 1 });
    else if ((c === '}' || c === ']') && stack.length) stack.pop();
    else if (c === ',' && stack.length) {
      const top = stack[stack.length - 1];
      top.commas++;
      top.entryStart = i + 1;
    }
  }
  return stack;
}

/** The key an entry of a flow mapping names when it ends in `key:` (the value being the next bracket), if it does. */
function entryKey(entry: string): string | undefined {
  const trimmed = entry.trimEnd();
  if (!trimmed.endsWith(':')) return undefined;
  const key = trimmed.slice(0, -1).trim();
  return key && !/[:,{}]/.test(key) ? key : undefined;
}

/** The path of the innermost open bracket: the outermost one's place in the block structure, then one step per bracket. */
function flowCollectionPath(shapes: LineShapes, line: number, text: string, open: readonly OpenBracket[]): FieldPath {
  const outer = open[0].column;
  const shape = shapes.get(line);
  const path: (string | number)[] =
    shape.key && shape.key.colon < outer
      ? [...containerPath(shapes, line, shape.key.column, shape.dashes), shape.key.name]
      : [
          ...containerPath(
            shapes,
            line,
            outer,
            shape.dashes.filter((d) => d < outer),
          ),
        ];
  for (let k = 1; k < open.length; k++) {
    const parent = open[k - 1];
    if (text[parent.column] === '[') path.push(parent.commas);
    else {
      const key = entryKey(text.slice(parent.entryStart, open[k].column));
      if (key !== undefined) path.push(key);
    }
  }
  return path;
}

export function flowContext(
  shapes: LineShapes,
  line: number,
  text: string,
  cursor: number,
  brackets: readonly OpenBracket[],
  range: (from: number, to: number) => Range,
): CursorContext {
  // Deeper than any campaign: there is no field to offer (and no path worth building).
  if (brackets.length > PARSE_LIMITS.maxNestingDepth) return { kind: 'none' };
  const innermost = brackets[brackets.length - 1];
  const open = innermost.column;
  const path = flowCollectionPath(shapes, line, text, brackets);
  const segmentStart = innermost.entryStart;
  const segment = text.slice(segmentStart, cursor);
  if (text[open] === '[') return valueContext(text, segmentStart, cursor, [...path, 0], open, true, range);
  // `key:` then whitespace or the end; greedy and anchored, so a long entry is scanned once.
  const colon = /^([^:,{}]*):(?=\s|$)/.exec(segment);
  const key = colon?.[1].trim();
  if (colon && key) return valueContext(text, segmentStart + colon[0].length, cursor, [...path, key], open, true, range);
  let wordStart = segmentStart;
  while (text[wordStart] === ' ') wordStart++;
  const wordEnd = cursor + (/^[^\s:,}#]*/.exec(text.slice(cursor))?.[0].length ?? 0);
  const present = new Set<string>();
  const close = text.indexOf('}', cursor);
  // The lookbehind starts a key only at the start of a word: without it a long word is rescanned from each of its characters.
  for (const m of text.slice(open + 1, close === -1 ? undefined : close).matchAll(/(?<![\w$-])([\w$-]+)\s*:/g)) present.add(m[1]);
  const word = text.slice(wordStart, cursor);
  present.delete(word);
  return {
    kind: 'key',
    path,
    present,
    column: open,
    prefix: word,
    replace: range(wordStart, wordEnd),
    afterDash: false,
    hasColon: /^[ \t]*:/.test(text.slice(wordEnd)),
    inFlow: true,
  };
}
