// Where the cursor is in campaign terms: which mapping or field, key or value, what has been
// typed. Read from the line text and indentation rather than the YAML tree, because the file
// is half-typed while completing (`timezone: `, `  - day: `, `dialingS`) and the parser's tree
// is least reliable exactly then. Block style is read from indentation; a flow mapping or
// list on the cursor's line (`- { day: MO, start: | }`) from the brackets on that line.
import type { FieldPath, ParsedCampaign } from '../parse';
import type { Position, Range } from '../types';

export interface LineShape {
  /** Columns of the `- ` sequence indicators at the start of the line. */
  dashes: number[];
  key?: { name: string; column: number; end: number; colon: number };
  /** Column where the content after the dashes starts (the key, or a scalar item). */
  contentColumn: number;
  /** False for blank lines and comment-only lines. */
  hasContent: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?=[ \t]|$)/;

export function lineShape(text: string): LineShape {
  const indent = /^ */.exec(text)![0].length;
  const dashes: number[] = [];
  let column = indent;
  while (text[column] === '-' && (column + 1 === text.length || text[column + 1] === ' ')) {
    dashes.push(column);
    column++;
    while (text[column] === ' ') column++;
  }
  const rest = text.slice(column);
  const hasContent = dashes.length > 0 || (rest.trim() !== '' && !rest.startsWith('#'));
  const match = KEY.exec(rest);
  if (!match) return { dashes, contentColumn: column, hasContent };
  let name = match[1].trim();
  if (name.startsWith('"')) name = safeJson(name) ?? name.slice(1, -1);
  else if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return {
    dashes,
    contentColumn: column,
    hasContent,
    key: { name, column, end: column + match[1].trimEnd().length, colon: column + match[0].length - 1 },
  };
}

function safeJson(text: string): string | undefined {
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}

/** Shapes of the lines of one text, computed on demand (a request touches a few lines, not all). */
export class LineShapes {
  private readonly cache = new Map<number, LineShape>();
  constructor(readonly parsed: ParsedCampaign) {}

  get(line: number): LineShape {
    let shape = this.cache.get(line);
    if (!shape) {
      shape = lineShape(this.parsed.lines.lineText(line));
      this.cache.set(line, shape);
    }
    return shape;
  }

  get lineCount(): number {
    return this.parsed.lines.lineCount;
  }

  /**
   * The column of the line's first token, or -1 for a blank or comment line: read without the
   * full shape, so walks over thousands of deeper lines (a long `days` list) stay cheap.
   */
  indent(line: number): number {
    const { text } = this.parsed;
    const start = this.parsed.lines.lineStart(line);
    const end = this.parsed.lines.lineEnd(line);
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (i === end || text.charCodeAt(i) === 35 /* # */) return -1;
    return i - start;
  }

  /** Whether the line's first token is a `- ` at `column`. */
  dashAt(line: number, column: number): boolean {
    if (this.indent(line) !== column) return false;
    const { text } = this.parsed;
    const at = this.parsed.lines.lineStart(line) + column;
    const next = text[at + 1];
    return text[at] === '-' && (next === undefined || next === ' ' || next === '\n' || next === '\r');
  }
}

type Step = { kind: 'key'; name: string; line: number; column: number } | { kind: 'item'; line: number; column: number };

/**
 * The path of the mapping or list that a node starting at `column` on `line` belongs to,
 * from indentation alone. `dashesBefore` are the `- ` indicators on `line` itself before it.
 */
export function containerPath(shapes: LineShapes, line: number, column: number, dashesBefore: readonly number[]): FieldPath {
  const steps: Step[] = [];
  let limit = column;
  for (let i = dashesBefore.length - 1; i >= 0; i--) {
    if (dashesBefore[i] < limit) {
      steps.push({ kind: 'item', line, column: dashesBefore[i] });
      limit = dashesBefore[i];
    }
  }
  for (let l = line - 1; l >= 0 && limit > 0; l--) {
    const indent = shapes.indent(l);
    if (indent < 0 || indent >= limit) continue;
    const shape = shapes.get(l);
    if (!shape.hasContent) continue;
    const tokens: Step[] = shape.dashes.map((d) => ({ kind: 'item' as const, line: l, column: d }));
    if (shape.key) tokens.push({ kind: 'key', name: shape.key.name, line: l, column: shape.key.column });
    const first = tokens.length ? tokens[0].column : shape.contentColumn;
    if (first >= limit) continue;
    for (let i = tokens.length - 1; i >= 0; i--) {
      if (tokens[i].column < limit) {
        steps.push(tokens[i]);
        limit = tokens[i].column;
      }
    }
  }
  // Outermost first; an item's index is the number of `- ` at its column since its parent's line.
  steps.reverse();
  const path: (string | number)[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step.kind === 'key') {
      path.push(step.name);
      continue;
    }
    const parentLine = i > 0 ? steps[i - 1].line : -1;
    let index = 0;
    for (let l = parentLine + 1; l < step.line; l++) if (shapes.dashAt(l, step.column)) index++;
    path.push(index);
  }
  return path;
}

/** Keys already written in the block mapping whose keys sit at `column`, around `line`. */
export function siblingKeys(shapes: LineShapes, line: number, column: number, includeAbove: boolean): Set<string> {
  const keys = new Set<string>();
  if (includeAbove) {
    for (let l = line - 1; l >= 0; l--) {
      const indent = shapes.indent(l);
      if (indent < 0 || indent > column) continue; // blank, comment, or nested deeper
      const shape = shapes.get(l);
      if (shape.key && shape.key.column === column) keys.add(shape.key.name);
      if (indent < column) break;
    }
  }
  for (let l = line + 1; l < shapes.lineCount; l++) {
    const indent = shapes.indent(l);
    if (indent < 0 || indent > column) continue;
    if (indent < column) break;
    const shape = shapes.get(l);
    if (shape.key && shape.key.column === column) keys.add(shape.key.name);
  }
  return keys;
}

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

/** The cursor's place in the campaign, on any text (valid, half-typed or broken). */
export function cursorContext(parsed: ParsedCampaign, position: Position): CursorContext {
  const { lines } = parsed;
  if (position.line >= lines.lineCount) return { kind: 'none' };
  const shapes = new LineShapes(parsed);
  const text = lines.lineText(position.line);
  const cursor = Math.min(position.character, text.length);
  const before = text.slice(0, cursor);
  if (/(^|\s)#/.test(stripQuoted(before))) return { kind: 'none' }; // in a comment
  const range = (from: number, to: number): Range => ({ start: { line: position.line, character: from }, end: { line: position.line, character: to } });

  const flow = openFlowBracket(before);
  if (flow !== undefined) return flowContext(shapes, position.line, text, cursor, flow, range);

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

function valueContext(
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
  return { kind: 'value', path, column, prefix, replace: range(start, end), ...(quote ? { quote } : {}), ...(needsSpace ? { needsSpace } : {}), inFlow };
}

/** Column of an unclosed `{` or `[` before the cursor on its line, ignoring quoted text. */
function openFlowBracket(before: string): number | undefined {
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(before[i - 1]))) break;
    else if (c === '{' || c === '[') stack.push(i);
    else if ((c === '}' || c === ']') && stack.length) stack.pop();
  }
  return stack.length ? stack[stack.length - 1] : undefined;
}

function flowContext(shapes: LineShapes, line: number, text: string, cursor: number, open: number, range: (from: number, to: number) => Range): CursorContext {
  const path = flowCollectionPath(shapes, line, text, open);
  const inner = text.slice(open + 1, cursor);
  const segmentStart = open + 1 + Math.max(inner.lastIndexOf(','), -1) + 1;
  const segment = text.slice(segmentStart, cursor);
  if (text[open] === '[') return valueContext(text, segmentStart, cursor, [...path, 0], open, true, range);
  const colon = /^\s*([^:,{}]+?)\s*:(?=\s|$)/.exec(segment);
  if (colon) return valueContext(text, segmentStart + colon[0].length, cursor, [...path, colon[1].trim()], open, true, range);
  let wordStart = segmentStart;
  while (text[wordStart] === ' ') wordStart++;
  const wordEnd = cursor + (/^[^\s:,}#]*/.exec(text.slice(cursor))?.[0].length ?? 0);
  const present = new Set<string>();
  const close = text.indexOf('}', cursor);
  for (const m of text.slice(open + 1, close === -1 ? undefined : close).matchAll(/([\w$-]+)\s*:/g)) present.add(m[1]);
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

/** The path of the flow collection opened at `open`: inside an enclosing one on the line, or in the block structure. */
function flowCollectionPath(shapes: LineShapes, line: number, text: string, open: number): FieldPath {
  const outer = openFlowBracket(text.slice(0, open));
  if (outer !== undefined) {
    const outerPath = flowCollectionPath(shapes, line, text, outer);
    if (text[outer] === '[') return [...outerPath, text.slice(outer + 1, open).split(',').length - 1];
    const segment = text.slice(outer + 1, open).split(',').pop() ?? '';
    const key = /^\s*([^:,{}]+?)\s*:\s*$/.exec(segment);
    return key ? [...outerPath, key[1].trim()] : outerPath;
  }
  // The outermost flow collection is the value of the key before it on this line, or a list item.
  const shape = shapes.get(line);
  if (shape.key && shape.key.colon < open) return [...containerPath(shapes, line, shape.key.column, shape.dashes), shape.key.name];
  return containerPath(shapes, line, open, shape.dashes.filter((d) => d < open));
}

function startOfWord(before: string): number {
  const match = /[^\s-][^\s]*$|$/.exec(before);
  return match ? match.index : before.length;
}

/** The line with quoted spans blanked, so a `#` inside quotes is not read as a comment. */
function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"?|'[^']*'?/g, (m) => ' '.repeat(m.length));
}

/** The indentation step the file uses (2 when it has no nested block yet). */
export function indentUnit(parsed: ParsedCampaign): number {
  const max = Math.min(parsed.lines.lineCount, 200);
  for (let l = 0; l < max; l++) {
    const text = parsed.lines.lineText(l);
    const match = /^( +)[^\s#-]/.exec(text);
    if (match && match[1].length <= 8) return match[1].length;
  }
  return 2;
}
