// The outline: the campaign (by its name) at the root, its fields beneath, and under calling
// hours one entry per day window, so the Outline view and breadcrumbs read like the campaign.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { CALLING_DAYS, CALLING_HOURS, samePath } from '../fieldPaths';
import type { FieldPath, ParsedCampaign } from '../parse';
import { schemaAt } from '../schema';
import type { Range } from '../types';
import { trimmedEnd } from './treeAt';

export type SymbolKindName = 'module' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'event' | 'enumMember' | 'null';

export interface CampaignSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  range: Range;
  selectionRange: Range;
  children: CampaignSymbol[];
}

const MAX_SYMBOLS = 5000;

export function documentSymbols(parsed: ParsedCampaign): CampaignSymbol[] {
  const contents = parsed.document?.contents as Node | null | undefined;
  if (!contents?.range || !isMap(contents)) return [];
  const budget = { left: MAX_SYMBOLS };
  const children = mapChildren(parsed, contents, [], budget);
  const namePair = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'name');
  const name =
    isScalar(namePair?.value) && typeof namePair.value.value === 'string' && namePair.value.value.trim()
      ? namePair.value.value
      : 'Campaign';
  const nameNode = (namePair?.value ?? namePair?.key) as Node | undefined;
  const range = parsed.lines.range(contents.range[0], trimmedEnd(parsed.text, contents.range[0], contents.range[1]));
  const selectionRange = nameNode?.range
    ? parsed.lines.range(nameNode.range[0], nameNode.range[1])
    : { start: range.start, end: range.start };
  const mode = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'dialingMode');
  const detail = isScalar(mode?.value) ? `${String(mode.value.value)} voice campaign` : 'voice campaign';
  return [{ name, detail, kind: 'module', range, selectionRange, children }];
}

function mapChildren(
  parsed: ParsedCampaign,
  map: { items: { key: unknown; value: unknown }[] },
  path: FieldPath,
  budget: { left: number },
): CampaignSymbol[] {
  const out: CampaignSymbol[] = [];
  for (const pair of map.items) {
    if (budget.left-- <= 0) break;
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const name = String(key.value);
    const value = pair.value as Node | null;
    const end = value?.range ? Math.max(trimmedEnd(parsed.text, value.range[0], value.range[1]), key.range[1]) : key.range[1];
    const symbol: CampaignSymbol = {
      name,
      kind: kindOf(value),
      range: parsed.lines.range(key.range[0], end),
      selectionRange: parsed.lines.range(key.range[0], key.range[1]),
      children: [],
    };
    const fieldPath = [...path, name];
    const schema = schemaAt(fieldPath);
    if (isScalar(value)) {
      if (value.value !== null) symbol.detail = String(value.value);
      if (schema?.enum) symbol.kind = 'enumMember';
    } else if (isMap(value)) {
      symbol.detail = schema?.title;
      symbol.children = mapChildren(parsed, value, fieldPath, budget);
      if (samePath(fieldPath, CALLING_HOURS)) symbol.detail = hoursDetail(value) ?? symbol.detail;
    } else if (isSeq(value)) {
      symbol.detail = `${value.items.length} ${value.items.length === 1 ? 'entry' : 'entries'}`;
      symbol.children = seqChildren(parsed, value, fieldPath, budget);
    }
    out.push(symbol);
  }
  return out;
}

function seqChildren(parsed: ParsedCampaign, seq: { items: unknown[] }, path: FieldPath, budget: { left: number }): CampaignSymbol[] {
  const out: CampaignSymbol[] = [];
  const isDays = samePath(path, CALLING_DAYS);
  seq.items.forEach((item, index) => {
    if (budget.left-- <= 0) return;
    const node = item as Node | null;
    if (!node?.range) return;
    const range = parsed.lines.range(node.range[0], trimmedEnd(parsed.text, node.range[0], node.range[1]));
    if (isDays && isMap(node)) {
      const json = node.toJSON() as Record<string, unknown>;
      const label = [json.day, json.start !== undefined && json.end !== undefined ? `${String(json.start)}-${String(json.end)}` : undefined]
        .filter((x) => x !== undefined)
        .join(' ');
      out.push({
        name: label || `window ${index + 1}`,
        detail: 'calling window',
        kind: 'event',
        range,
        selectionRange: range,
        children: [],
      });
      return;
    }
    if (isScalar(node)) {
      out.push({ name: String(node.value ?? `item ${index + 1}`), kind: kindOf(node), range, selectionRange: range, children: [] });
      return;
    }
    out.push({
      name: `${index + 1}`,
      kind: kindOf(node),
      range,
      selectionRange: range,
      children: isMap(node) ? mapChildren(parsed, node, [...path, index], budget) : [],
    });
  });
  return out;
}

function hoursDetail(map: { items: { key: unknown; value: unknown }[] }): string | undefined {
  const get = (name: string) => {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === name);
    return isScalar(pair?.value) ? String(pair.value.value) : undefined;
  };
  const parts = [get('frequency'), get('timezone')].filter((x): x is string => !!x);
  return parts.length ? parts.join(' · ') : undefined;
}

function kindOf(node: Node | null | undefined): SymbolKindName {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'number') return 'number';
    if (typeof value === 'boolean') return 'boolean';
    if (value === null) return 'null';
    return 'string';
  }
  return 'null';
}
