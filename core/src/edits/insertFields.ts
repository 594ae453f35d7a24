// Insert missing fields into a mapping, each where the schema's order puts it (after the
// nearest field before it that is present), at the mapping's own indentation. Lines are
// added between existing lines, so comments, key order and the author's layout stay.
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FieldPath, Located, ParsedCampaign } from '../parse';
import { schemaAt } from '../schema';
import { indentUnit } from '../services/cursor';
import { defaultValue, fieldLines } from '../services/skeleton';
import type { TextEdit } from '../types';

export function insertFieldsEdits(
  parsed: ParsedCampaign,
  path: FieldPath,
  located: Located,
  fields: readonly string[],
): TextEdit[] | undefined {
  const schema = schemaAt(path);
  if (!schema?.properties || located.viaAlias) return undefined;
  const unit = ' '.repeat(indentUnit(parsed));
  const { lines } = parsed;
  const order = Object.keys(schema.properties);
  const missing = order.filter((key) => fields.includes(key));
  const node = located.node;

  if (isMap(node) && node.flow) return flowInsert(parsed, path, node, missing);
  if (isMap(node) && node.items.length > 0) {
    const pairs = node.items.filter((pair) => isScalar(pair.key) && (pair.key as Node).range);
    if (pairs.length === 0) return undefined;
    const firstKey = pairs[0].key as Node;
    const column = lines.positionAt(firstKey.range![0]).character;
    const indent = ' '.repeat(column);
    const firstOnOwnLine = lines.lineText(lines.positionAt(firstKey.range![0]).line).slice(0, column).trim() === '';
    // Group the missing fields by the pair they follow (undefined: before the first pair).
    const groups = new Map<Pair | undefined, string[]>();
    for (const key of missing) {
      const before = order.slice(0, order.indexOf(key));
      let anchor: Pair | undefined;
      for (const pair of pairs) if (before.includes(String((pair.key as { value: unknown }).value))) anchor = pair;
      // A first key written after `- ` cannot have a line inserted above it: go after the last pair.
      if (!anchor && !firstOnOwnLine) anchor = pairs[pairs.length - 1];
      const list = groups.get(anchor) ?? [];
      list.push(key);
      groups.set(anchor, list);
    }
    const edits: TextEdit[] = [];
    for (const [anchor, keys] of groups) {
      const text = keys.flatMap((key) => fieldLines(key, [...path, key], schema.properties![key], indent, unit, 'text')).join('\n');
      if (!anchor) {
        const at = lines.lineStart(lines.positionAt(firstKey.range![0]).line);
        edits.push({ range: lines.range(at, at), newText: `${text}\n` });
      } else edits.push(insertAfterLine(parsed, lastLineOf(parsed, anchor), text));
    }
    return edits;
  }
  // `callerId:` with nothing under it: the fields go on the lines below the key, one level in.
  if ((node === undefined || node === null || (isScalar(node) && (node.value === null || node.value === ''))) && located.keyRange) {
    const keyLine = lines.positionAt(located.keyRange[0]);
    const keyColumn = keyLine.character;
    const indent = ' '.repeat(keyColumn) + unit;
    const text = missing.flatMap((key) => fieldLines(key, [...path, key], schema.properties![key], indent, unit, 'text')).join('\n');
    return [insertAfterLine(parsed, keyLine.line, text)];
  }
  return undefined;
}

/** The last line a pair occupies (its value's last line). */
function lastLineOf(parsed: ParsedCampaign, pair: Pair): number {
  const value = pair.value as Node | null;
  const key = pair.key as Node;
  const end = value?.range && value.range[1] > value.range[0] ? value.range[1] - 1 : key.range![1];
  // A block value's span can end on the newline after it: step back over trailing line breaks.
  let offset = end;
  while (offset > key.range![1] && /[\r\n ]/.test(parsed.text[offset] ?? '')) offset--;
  return parsed.lines.positionAt(offset).line;
}

function insertAfterLine(parsed: ParsedCampaign, line: number, text: string): TextEdit {
  const { lines } = parsed;
  if (line + 1 < lines.lineCount) {
    const at = lines.lineStart(line + 1);
    return { range: lines.range(at, at), newText: `${text}\n` };
  }
  const at = parsed.text.length;
  return { range: lines.range(at, at), newText: `\n${text}` };
}

/** `{ day: MO }` -> `{ day: MO, start: "9:00 AM", end: "6:00 PM" }`. */
function flowInsert(parsed: ParsedCampaign, path: FieldPath, node: YAMLMap, missing: string[]): TextEdit[] | undefined {
  const range = (node as Node).range;
  if (!range) return undefined;
  const close = parsed.text.lastIndexOf('}', range[1]);
  if (close < range[0]) return undefined;
  const parts = missing.map((key) => `${key}: ${JSON.stringify(skeletonValue([...path, key]))}`);
  const inside = parsed.text.slice(range[0] + 1, close);
  const separator = inside.trim() === '' ? ' ' : inside.trimEnd().endsWith(',') ? ' ' : ', ';
  const at = range[0] + 1 + inside.trimEnd().length;
  return [{ range: parsed.lines.range(at, at), newText: `${separator}${parts.join(', ')}${inside.trim() === '' ? ' ' : ''}` }];
}

/** The placeholder value of a field as plain data (nested required fields included). */
function skeletonValue(path: FieldPath): unknown {
  const schema = schemaAt(path) ?? {};
  if (schema.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of schema.required ?? []) out[key] = skeletonValue([...path, key]);
    return out;
  }
  if (schema.type === 'array') return [skeletonValue([...path, 0])];
  return defaultValue(path, schema);
}
