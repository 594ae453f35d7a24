// The shape of each line (indentation, `- ` indicators, the key) and what follows from
// indentation alone: the path of the mapping or list a line belongs to, sibling keys, the
// file's indentation step. Read from text, not the YAML tree (see cursor.ts for why).
import type { FieldPath, ParsedCampaign } from '../parse';

export interface LineShape {
  /** Columns of the `- ` sequence indicators at the start of the line. */
  dashes: number[];
  key?: { name: string; column: number; end: number; colon: number };
  /** Column where the content after the dashes starts (the key, or a scalar item). */
  contentColumn: number;
  /** False for blank lines and comment-only lines. */
  hasContent: boolean;
}

// The plain alternatives are greedy up to the first `:` or `#` (a key cannot contain either
// here) and keep their trailing spaces, trimmed below: a lazy run followed by `[ \t]*:`
// would backtrack quadratically on a long line of spaces.
const KEY = /^("(?:[^"\\]|\\.)*"[ \t]*|'(?:[^']|'')*'[ \t]*|[^\s#'"{[\]},&*!|>%@`-][^:#]*|-[^\s:#][^:#]*):(?=[ \t]|$)/;

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
