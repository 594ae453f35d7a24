// Where the cursor is in campaign terms: which mapping or field, key or value, what has been
// typed. Read from the line text and indentation rather than the YAML tree, because the file
// is half-typed while completing (`timezone: `, `  - day: `, `dialingS`) and the parser's tree
// is least reliable exactly then. Block style is read from indentation; a flow mapping or
// list on the cursor's line (`- { day: MO, start: | }`) from the brackets on that line.
import type { ParsedCampaign } from '../parse';
import type { Position, Range } from '../types';
import { valueContext, type CursorContext } from './cursorValue';
import { flowContext, openFlowBrackets } from './flowCursor';
import { containerPath, LineShapes, siblingKeys } from './lineShapes';

export type { CursorContext } from './cursorValue';
export { indentUnit } from './lineShapes';

/** The cursor's place in the campaign, on any text (valid, half-typed or broken). */
export function cursorContext(parsed: ParsedCampaign, position: Position): CursorContext {
  const { lines } = parsed;
  if (position.line >= lines.lineCount) return { kind: 'none' };
  const shapes = new LineShapes(parsed);
  const text = lines.lineText(position.line);
  const cursor = Math.min(position.character, text.length);
  const before = text.slice(0, cursor);
  if (/(^|\s)#/.test(stripQuoted(before))) return { kind: 'none' }; // in a comment
  const range = (from: number, to: number): Range => ({
    start: { line: position.line, character: from },
    end: { line: position.line, character: to },
  });

  const open = openFlowBrackets(before);
  if (open.length) return flowContext(shapes, position.line, text, cursor, open, range);

  const shape = shapes.get(position.line);
  if (shape.key && shape.key.colon < cursor) {
    // After `key:`: the value of that key.
    const path = [...containerPath(shapes, position.line, shape.key.column, shape.dashes), shape.key.name];
    return valueContext(text, shape.key.colon + 1, cursor, path, shape.key.column, false, range);
  }
  const dashesBefore = shape.dashes.filter((d) => d < cursor);
  const wordStart = Math.max(dashesBefore.length ? dashesBefore[dashesBefore.length - 1] + 2 : 0, startOfWord(before));
  if (wordStart > cursor) return { kind: 'none' }; // right after a `-` with no space yet
  if (before.slice(0, wordStart).trim().replace(/-/g, '').trim() !== '') return { kind: 'none' };
  const column = wordStart;
  const path = containerPath(shapes, position.line, column, dashesBefore);
  const afterDash = dashesBefore.length > 0 && dashesBefore[dashesBefore.length - 1] + 2 <= column;
  const wordEnd = cursor + (/^[^\s:#]*/.exec(text.slice(cursor))?.[0].length ?? 0);
  const hasColon = /^[ \t]*:/.test(text.slice(wordEnd));
  const present = siblingKeys(shapes, position.line, column, !afterDash);
  const word = text.slice(wordStart, cursor);
  // A plain item of a list of scalars (`  - Recent Buyers`) is a value, not a key.
  return { kind: 'key', path, present, column, prefix: word, replace: range(wordStart, wordEnd), afterDash, hasColon, inFlow: false };
}

/**
 * Where the word before the cursor starts: after the last whitespace, past any leading `-`
 * (the end when there is none). A loop: the regex it replaces (`/[^\s-][^\s]*$|$/`) rescans
 * the rest of the line from every position, quadratic on a long word.
 */
function startOfWord(before: string): number {
  let start = before.length;
  while (start > 0 && !/\s/.test(before[start - 1])) start--;
  while (start < before.length && before[start] === '-') start++;
  return start;
}

/** The line with quoted spans blanked, so a `#` inside quotes is not read as a comment. */
function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"?|'[^']*'?/g, (m) => ' '.repeat(m.length));
}
