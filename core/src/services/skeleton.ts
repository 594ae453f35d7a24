// The YAML text for a field and its required children, written two ways: as a snippet with
// tab stops (completion) and as plain text with placeholders (the "add missing fields" fix).
// The structure comes from the schema (required lists, enums, defaultSnippets); only the
// placeholder values are chosen here.
import { stringScalarText } from '../edits/yamlEdits';
import type { FieldPath } from '../parse';
import { schemaAt, type FieldSchema } from '../schema';

/**
 * Placeholder values. A field with a sensible default gets it (the API sample's values); a
 * field only the author can fill (name, caller id, contact list, time zone) gets an empty
 * string, which stays flagged until it is filled: a fix must not invent a phone number.
 */
const DEFAULTS: Record<string, unknown> = {
  name: '',
  description: '',
  'contactLists[]': '',
  priority: '3',
  dialingMode: 'Progressive',
  'dialingStrategy.callerId.phoneNumber': '',
  'dialingStrategy.callingHours.frequency': 'WEEKLY',
  'dialingStrategy.callingHours.timezone': '',
  'dialingStrategy.callingHours.days[].day': 'MO',
  'dialingStrategy.callingHours.days[].start': '9:00 AM',
  'dialingStrategy.callingHours.days[].end': '6:00 PM',
  'dialingStrategy.dialingOrder': 'FIFO',
  'dialingStrategy.maxAttemptsPerRecord': 3,
  'dialingStrategy.defaultRetryPeriod': 10,
  'dialingStrategy.maxRingTime': 30,
  'schedule.isSchedulingEnabled': false,
  queue_name: 'Default Queue',
  enableMachineDetect: false,
  maxSkips: 0,
  campaignType: 'voice',
};

/**
 * What a snippet's tab stop holds for the fields the author fills in: example values that
 * validate, so a template accepted with Tab alone is a valid campaign (and each stop shows
 * what belongs there). The phone number is in the range reserved for fiction (555-01xx).
 */
const SNIPPET_PLACEHOLDERS: Record<string, string> = {
  name: 'New voice campaign',
  description: 'What this campaign is for',
  'contactLists[]': 'Contact list',
  'dialingStrategy.callerId.phoneNumber': '+12025550100',
  'dialingStrategy.callingHours.timezone': 'America/New_York',
};

function defaultKey(path: FieldPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? '[]' : out ? `.${segment}` : segment;
  return out;
}

export function defaultValue(path: FieldPath, schema: FieldSchema): unknown {
  const key = defaultKey(path);
  if (key in DEFAULTS) return DEFAULTS[key];
  if (schema.enum) return schema.enum[0];
  if (schema.type === 'boolean') return false;
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 0;
  return '';
}

export type SkeletonMode = 'snippet' | 'text';

/** Numbers tab stops across one snippet. */
class Stops {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** The scalar as YAML: a tab stop (with choices for enums and booleans) in a snippet, the default in text. */
function scalarText(path: FieldPath, schema: FieldSchema, mode: SkeletonMode, stops: Stops): string {
  const value = (mode === 'snippet' ? SNIPPET_PLACEHOLDERS[defaultKey(path)] : undefined) ?? defaultValue(path, schema);
  const yaml = typeof value === 'string' ? stringScalarText(value) : String(value);
  if (mode === 'text') return yaml;
  const stop = stops.take();
  const choices = schema.enum ?? (schema.type === 'boolean' ? ['false', 'true'] : undefined);
  if (choices) {
    // The default first: a choice's first entry is what Tab accepts.
    const ordered = [String(value), ...choices.filter((c) => c !== String(value))];
    const choice = `\${${stop}|${ordered.map((c) => c.replace(/[,|\\$}]/g, (ch) => `\\${ch}`)).join(',')}|}`;
    // A string enum whose values read as numbers (priority) must stay quoted.
    return schema.type === 'string' && yaml.startsWith('"') ? `"${choice}"` : choice;
  }
  if (typeof value === 'string') {
    // An empty default is a tab stop to fill; only a phone number needs quotes around it (`+1...` reads as a number).
    const quoted = value === '' ? schema.pattern?.startsWith('^\\+') === true : yaml.startsWith('"');
    const body = value === '' ? `\${${stop}}` : `\${${stop}:${escapeSnippet(value)}}`;
    return quoted ? `"${body}"` : body;
  }
  return `\${${stop}:${escapeSnippet(yaml)}}`;
}

/** Lines (without a trailing newline) for the value of an object: its required fields, in schema order. */
function objectLines(path: FieldPath, schema: FieldSchema, indent: string, unit: string, mode: SkeletonMode, stops: Stops): string[] {
  const out: string[] = [];
  // A mapping with no required field (schedule) gets all of its fields: an empty one says nothing.
  const required = schema.required ?? Object.keys(schema.properties ?? {});
  for (const key of Object.keys(schema.properties ?? {})) {
    if (!required.includes(key)) continue;
    out.push(...fieldLines(key, [...path, key], schema.properties![key], indent, unit, mode, stops));
  }
  return out;
}

/** A list item mapping: from the schema's defaultSnippets when it has one, else its required fields. */
function itemLines(path: FieldPath, schema: FieldSchema, indent: string, unit: string, mode: SkeletonMode, stops: Stops): string[] {
  const dashIndent = indent;
  const inner = indent + '  ';
  let body: string[];
  const snippet = schema.defaultSnippets?.[0]?.body;
  if (schema.type === 'object' && snippet && typeof snippet === 'object' && !Array.isArray(snippet)) {
    body = Object.entries(snippet as Record<string, unknown>).map(([key, raw]) => {
      const text = String(raw);
      if (mode === 'text') {
        const plain = text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
        return `${inner}${key}: ${stringScalarText(plain)}`;
      }
      const renumbered = text.replace(/\$\{(\d+)(:|\|)/g, (_m, _n, sep: string) => `\${${stops.take()}${sep}`);
      return `${inner}${key}: ${renumbered}`;
    });
  } else if (schema.type === 'object') {
    body = objectLines(path, schema, inner, unit, mode, stops);
  } else {
    body = [`${inner}${scalarText(path, schema, mode, stops)}`];
  }
  if (body.length === 0) return [`${dashIndent}- {}`];
  body[0] = `${dashIndent}- ${body[0].slice(inner.length)}`;
  return body;
}

/** `key: value`, or `key:` and the nested lines, at `indent`. */
export function fieldLines(
  key: string,
  path: FieldPath,
  schema: FieldSchema,
  indent: string,
  unit: string,
  mode: SkeletonMode,
  stops = new Stops(),
): string[] {
  if (schema.type === 'object') return [`${indent}${key}:`, ...objectLines(path, schema, indent + unit, unit, mode, stops)];
  if (schema.type === 'array')
    return [`${indent}${key}:`, ...itemLines([...path, 0], schema.items ?? {}, indent + unit, unit, mode, stops)];
  return [`${indent}${key}: ${scalarText(path, schema, mode, stops)}`];
}

/** The text of one new list item at `indent` (the dash's column). */
export function listItemLines(path: FieldPath, indent: string, unit: string, mode: SkeletonMode): string[] {
  return itemLines(path, schemaAt(path) ?? {}, indent, unit, mode, new Stops());
}

/** A whole campaign with every required field, for an empty file. */
export function campaignTemplate(unit: string, mode: SkeletonMode): string {
  const root = schemaAt([]) ?? {};
  return objectLines([], root, '', unit, mode, new Stops()).join('\n') + '\n';
}

/** The body of a mapping (its keys, for an item already started with `- `), indented after the first line. */
export function mappingBodyLines(path: FieldPath, schema: FieldSchema, indent: string, unit: string, mode: SkeletonMode): string[] {
  const stops = new Stops();
  const snippet = schema.defaultSnippets?.[0]?.body;
  if (snippet && typeof snippet === 'object' && !Array.isArray(snippet)) {
    const lines = itemLines(path, schema, '', unit, mode, stops).map((l, i) => (i === 0 ? l.slice(2) : indent + l.slice(2)));
    return lines;
  }
  const lines = objectLines(path, schema, indent, unit, mode, stops);
  if (lines.length) lines[0] = lines[0].slice(indent.length);
  return lines;
}
