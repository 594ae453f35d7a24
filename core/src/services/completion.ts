// Completion: what is valid at the cursor and nothing else. Keys not yet in the mapping
// (required first) with skeletons of their required children; values for enums, booleans,
// days, window times and time zones; a whole campaign for an empty file.
import { isMap, isScalar } from 'yaml';
import { CALLING_TIMEZONE, samePath } from '../fieldPaths';
import type { FieldPath, ParsedCampaign } from '../parse';
import { schemaAt, type FieldSchema } from '../schema';
import { formatApiTime } from '../time';
import { allTimeZoneNames, preferredTimeZoneNames } from '../timezones';
import type { Position, Range } from '../types';
import { cursorContext, indentUnit } from './cursor';
export { campaignTimeZone } from './campaignTimeZone';
import { fieldMarkdown, typeSummary } from './fieldDocs';
import { contactListCompletions, isContactListItem } from './platformLists';
import type { KnownContactLists } from '../knownContactLists';
import { campaignTemplate, fieldLines, listItemLines, mappingBodyLines } from './skeleton';
import { currentOffset, formatOffset, zoneFacts } from './zoneInfo';

export type { CompletionEntry, CompletionKind } from './completionEntry';
import type { CompletionEntry } from './completionEntry';

export interface CompletionResult {
  items: CompletionEntry[];
  /** True when the list was narrowed here by what is typed: ask again as typing goes on. */
  isIncomplete: boolean;
}

export interface CompletionOptions {
  /** The clock for offsets (tests pin it). */
  now?: Date;
  /** Zones the workspace's other campaigns use: listed first. */
  workspaceZones?: readonly string[];
  /** The character that opened completion as the author typed (not on an explicit request). */
  triggerCharacter?: string;
  /** The platform's contact lists, when known: offered in `contactLists`. */
  contactLists?: KnownContactLists;
}

const EMPTY: CompletionResult = { items: [], isIncomplete: false };

export function completeAt(parsed: ParsedCampaign, position: Position, options: CompletionOptions = {}): CompletionResult {
  // An empty file: the whole campaign first, then the top-level keys one by one.
  const template = isEmptyCampaign(parsed) && !options.triggerCharacter ? templateCompletion(parsed, position).items : [];
  const result = completeInContext(parsed, position, options);
  return template.length ? { items: [...template, ...result.items], isIncomplete: result.isIncomplete } : result;
}

function completeInContext(parsed: ParsedCampaign, position: Position, options: CompletionOptions): CompletionResult {
  const context = cursorContext(parsed, position);
  if (context.kind === 'none') return EMPTY;
  // Typing a space or quote asks for values (`timezone: `, `- `); indenting a line must not pop up the keys.
  if (
    options.triggerCharacter &&
    context.kind === 'key' &&
    !(options.triggerCharacter === ' ' && context.afterDash && context.prefix === '')
  )
    return EMPTY;
  if (options.contactLists && isContactListItem(context.path))
    return { items: contactListCompletions(parsed, context, options.contactLists), isIncomplete: false };
  const unit = ' '.repeat(indentUnit(parsed));
  if (context.kind === 'key') {
    const schema = schemaAt(context.path);
    if (!schema) return EMPTY;
    if (schema.type === 'object') return { items: keyItems(parsed, context.path, schema, context, unit), isIncomplete: false };
    if (schema.type === 'array') {
      if (context.inFlow) return EMPTY;
      return { items: newItemEntries(context.path, context.column, unit, context.replace), isIncomplete: false };
    }
    // A scalar list item (`  - Recent Buyers`): a value of the list's item schema.
    return valueItems(context.path, schema, { prefix: context.prefix, replace: context.replace }, options);
  }
  const schema = schemaAt(context.path);
  if (!schema) return EMPTY;
  return valueItems(context.path, schema, context, options);
}

/** Nothing but whitespace and comments: offer the whole campaign. */
function isEmptyCampaign(parsed: ParsedCampaign): boolean {
  return parsed.text.length < 100_000 && parsed.text.split('\n').every((line) => /^\s*(#.*)?$/.test(line));
}

function templateCompletion(parsed: ParsedCampaign, position: Position): CompletionResult {
  const line = parsed.lines.lineText(position.line);
  if (/^\s*#/.test(line.slice(0, position.character))) return EMPTY;
  const range: Range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: line.length } };
  return {
    isIncomplete: false,
    items: [
      {
        label: 'Voice campaign',
        kind: 'snippet',
        detail: 'A whole campaign with every required field',
        documentation:
          'Inserts every field the Update Voice Campaign API requires, with tab stops for the values only you know (name, caller ID, contact list, time zone).',
        insertText: campaignTemplate(' '.repeat(indentUnit(parsed)), 'snippet'),
        snippet: true,
        range,
        preselect: true,
        sortText: '0',
      },
    ],
  };
}

function keyItems(
  parsed: ParsedCampaign,
  path: FieldPath,
  schema: FieldSchema,
  context: { present: Set<string>; column: number; replace: Range; hasColon: boolean; inFlow: boolean; afterDash: boolean },
  unit: string,
): CompletionEntry[] {
  const present = new Set(context.present);
  // The parsed tree knows keys the line scan cannot see (flow mappings, keys after an error).
  for (const key of keysInTree(parsed, path)) present.add(key);
  const required = schema.required ?? [];
  const items: CompletionEntry[] = [];
  const indent = ' '.repeat(context.column);
  const names = Object.keys(schema.properties ?? {});
  // A new list item with nothing in it yet: offer the whole item first (day, start and end).
  if (context.afterDash && present.size === 0 && !context.inFlow && schema.defaultSnippets?.length) {
    items.push({
      label: schema.defaultSnippets[0].label ?? schema.title ?? 'item',
      kind: 'snippet',
      detail: schema.title,
      documentation: schema.markdownDescription ?? schema.description,
      insertText: mappingBodyLines(path, schema, indent, unit, 'snippet').join('\n'),
      snippet: true,
      range: context.replace,
      sortText: '0',
      preselect: true,
    });
  }
  names.forEach((key, order) => {
    if (present.has(key)) return;
    const child = schema.properties![key];
    const isReq = required.includes(key);
    let insertText: string;
    if (context.hasColon) insertText = key;
    else if (context.inFlow)
      insertText = `${key}: ${child.type === 'object' || child.type === 'array' ? '$1' : fieldLines(key, [...path, key], child, '', unit, 'snippet')[0].slice(key.length + 2)}`;
    else
      insertText = fieldLines(key, [...path, key], child, indent, unit, 'snippet')
        .join('\n')
        .slice(indent.length);
    items.push({
      label: key,
      kind: 'property',
      detail: `${typeSummary(child)}${isReq ? ' · required' : ' · optional'}`,
      documentation: fieldMarkdown([...path, key], child),
      insertText,
      snippet: !context.hasColon,
      range: context.replace,
      // Required fields first, each group in the API's order.
      sortText: `${isReq ? '1' : '2'}${String(order).padStart(2, '0')}`,
    });
  });
  return items;
}

/** Keys of the mapping at `path` in the parsed tree, when the tree reaches it. */
function keysInTree(parsed: ParsedCampaign, path: FieldPath): string[] {
  const document = parsed.document;
  if (!document) return [];
  let node: unknown = document.contents;
  for (const segment of path) {
    if (typeof segment === 'number') {
      node = (node as { items?: unknown[] } | null)?.items?.[segment];
    } else {
      if (!isMap(node)) return [];
      node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === segment)?.value;
    }
  }
  if (!isMap(node)) return [];
  const keys: string[] = [];
  for (const pair of node.items)
    if (isScalar(pair.key) && pair.value !== null && pair.value !== undefined) keys.push(String(pair.key.value));
  return keys;
}

function newItemEntries(path: FieldPath, column: number, unit: string, replace: Range): CompletionEntry[] {
  const itemPath = [...path, 0];
  const itemSchema = schemaAt(itemPath) ?? {};
  const indent = ' '.repeat(column);
  return [
    {
      label: itemSchema.defaultSnippets?.[0]?.label ?? `- ${itemSchema.title ?? 'item'}`,
      kind: 'snippet',
      detail: itemSchema.title ?? typeSummary(itemSchema),
      documentation: itemSchema.markdownDescription ?? itemSchema.description,
      insertText: listItemLines(itemPath, indent, unit, 'snippet').join('\n').slice(indent.length),
      snippet: true,
      range: replace,
      sortText: '0',
    },
  ];
}

interface ValueSite {
  prefix: string;
  replace: Range;
  quote?: '"' | "'";
  needsSpace?: boolean;
}

function valueItems(path: FieldPath, schema: FieldSchema, site: ValueSite, options: CompletionOptions): CompletionResult {
  const last = path[path.length - 1];
  if (samePath(path, CALLING_TIMEZONE)) return timeZoneItems(site, options);
  if (schema.enum) {
    return {
      isIncomplete: false,
      items: schema.enum.map((value, i) => {
        const note = schema.enumDescriptions?.[i];
        return {
          label: value,
          kind: 'enum',
          ...(note ? { detail: note } : {}),
          documentation: fieldMarkdown(path, schema),
          ...scalarInsert(value, site, /^\d+$/.test(value)),
          // A day's full name finds its code: `mon` -> MO.
          filterText: note && last === 'day' ? `${value} ${note}` : value,
          sortText: String(i).padStart(2, '0'),
        };
      }),
    };
  }
  if (schema.type === 'boolean') {
    return {
      isIncomplete: false,
      items: ['true', 'false'].map((value) => ({
        label: value,
        kind: 'constant' as const,
        ...scalarInsert(value, site, false),
        detail: 'boolean',
      })),
    };
  }
  if (schema.type === 'string' && (last === 'start' || last === 'end')) return { isIncomplete: false, items: timeItems(last, site) };
  return EMPTY;
}

/** The insert for a string value, keeping a quote the author opened; `forceQuotes` for strings that read as numbers. */
function scalarInsert(value: string, site: ValueSite, forceQuotes: boolean): Pick<CompletionEntry, 'insertText' | 'snippet' | 'range'> {
  if (site.quote) {
    const start = { line: site.replace.start.line, character: site.replace.start.character + 1 };
    return { insertText: `${value}${site.quote}`, snippet: false, range: { start, end: site.replace.end } };
  }
  const text = forceQuotes ? JSON.stringify(value) : value;
  return { insertText: site.needsSpace ? ` ${text}` : text, snippet: false, range: site.replace };
}

/** 12:00 AM .. 11:30 PM in 30-minute steps; the usual 9:00 AM / 6:00 PM preselected. */
function timeItems(which: 'start' | 'end', site: ValueSite): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
    const label = formatApiTime(minutes);
    items.push({
      label,
      kind: 'value',
      detail: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      ...scalarInsert(label, site, false),
      filterText: label,
      sortText: String(minutes / 30).padStart(2, '0'),
      ...(label === (which === 'start' ? '9:00 AM' : '6:00 PM') ? { preselect: true } : {}),
    });
  }
  return items;
}

function timeZoneItems(site: ValueSite, options: CompletionOptions): CompletionResult {
  const now = options.now ?? new Date();
  const typed = site.prefix.trim().toLowerCase();
  const workspace = new Set(options.workspaceZones ?? []);
  const preferred = new Set(preferredTimeZoneNames());
  const names = new Set<string>([...workspace].filter((z) => allTimeZoneNames().includes(z)));
  for (const name of allTimeZoneNames()) names.add(name);
  const items: CompletionEntry[] = [];
  for (const name of names) {
    const facts = zoneFacts(name);
    const searchable = [name, ...(facts?.mainCities ?? []), facts?.countryName ?? ''].join(' ');
    // Filtered here as well as by the editor, so a city or country finds its zone (`mumbai`, `india`).
    if (typed && !searchable.toLowerCase().includes(typed) && !name.toLowerCase().replace(/_/g, ' ').includes(typed)) continue;
    const offset = currentOffset(name, now);
    const where = facts?.aliasOf
      ? `legacy name of ${facts.aliasOf}`
      : [facts?.countryName, facts?.mainCities.slice(0, 2).join(', ')].filter(Boolean).join(': ');
    const group = workspace.has(name) ? '0' : preferred.has(name) || name === 'UTC' ? '1' : '2';
    items.push({
      label: name,
      kind: 'timezone',
      detail: `${offset === undefined ? '' : formatOffset(offset)}${where ? ` · ${where}` : ''}${workspace.has(name) ? ' · used in this workspace' : ''}`,
      ...scalarInsert(name, site, false),
      filterText: typed ? `${searchable}` : name,
      sortText: `${group}${name}`,
    });
  }
  return { items, isIncomplete: typed.length > 0 };
}
