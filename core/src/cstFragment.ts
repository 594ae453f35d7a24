// Whether a re-parsed fragment reads as it would inside the whole file: every line indented
// within its collection, everything it opens closed, no error token.
import type { CST } from 'yaml';

/**
 * Whether every line with content (comments included) is indented at least `indent` columns,
 * with spaces. A line indented less would end the collection in the file but not in the
 * fragment on its own (where no parent encloses it): such fragments are not used.
 */
export function indentedWithin(fragment: string, indent: number): boolean {
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
export function isClosed(doc: CST.Document, length: number): boolean {
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
        // Counted back from the closing quote (a regex scanning for `\\*"$` from every position is quadratic on a long run of backslashes).
        let backslashes = 0;
        while (source.charCodeAt(source.length - 2 - backslashes) === 92) backslashes++;
        if (source.length < 2 || !source.endsWith('"') || backslashes % 2 === 1) closed = false;
        break;
      }
      case 'single-quoted-scalar':
        if (token.source.length < 2 || !token.source.endsWith("'") || (token.source.length > 2 && token.source.endsWith("''")))
          closed = false;
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

export function containsError(node: unknown): boolean {
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
