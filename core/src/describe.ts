import type { FieldPath } from './parse';
import type { FieldSchema } from './schema';
import { listWords } from './suggest';

/** How a message names a field: its key, or `days[2]` for a list item. */
export function fieldLabel(path: FieldPath): string {
  if (path.length === 0) return 'The campaign';
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return `${typeof parent === 'string' ? parent : 'item'}[${last}]`;
  }
  return last;
}

/** The value as an author would name it: `the number 5`, `the string "false"`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'no value';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'string') return value === '' ? 'an empty string' : `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return 'a mapping';
}

/** What the schema wants, as a phrase: `a string "1".."5"`, `a whole number from 1 to 100`. */
export function describeExpected(schema: FieldSchema): string {
  switch (schema.type) {
    case 'string':
      if (schema.enum) return `a string ${describeEnum(schema.enum)}`;
      return 'a string';
    case 'integer':
      return `a whole number${describeRange(schema)}`;
    case 'number':
      return `a number${describeRange(schema)}`;
    case 'boolean':
      return 'true or false';
    case 'array':
      return schema.items?.type === 'string' ? 'a list of strings' : 'a list';
    case 'object':
      return 'a mapping of fields';
    default:
      return 'a value';
  }
}

/** `"1".."5"` for a run of digits, otherwise `"WEEKLY", "DAILY" or "CUSTOM"`. */
export function describeEnum(values: readonly string[], conjunction = 'or'): string {
  const digits = values.every((v, i) => /^\d+$/.test(v) && (i === 0 || Number(v) === Number(values[i - 1]) + 1));
  if (digits && values.length > 2) return `"${values[0]}".."${values[values.length - 1]}"`;
  return listWords(
    values.map((v) => JSON.stringify(v)),
    conjunction,
  );
}

export function describeRange(schema: FieldSchema): string {
  if (schema.minimum !== undefined && schema.maximum !== undefined) return ` from ${schema.minimum} to ${schema.maximum}`;
  if (schema.minimum !== undefined) return ` of ${schema.minimum} or more`;
  if (schema.maximum !== undefined) return ` of at most ${schema.maximum}`;
  return '';
}
