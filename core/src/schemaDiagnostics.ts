// JSON Schema errors (ajv) turned into diagnostics an author understands: on the key or
// value at fault, in the API's words, one diagnostic per mistake. ajv's own wording
// never reaches the user (the validator is compiled with `messages: false`).
import type { ErrorObject } from 'ajv';
import type { ValidationContext } from './context';
import { describeEnum, describeExpected, describeValue, fieldLabel } from './describe';
import { replaceNodeEdit, replaceValueFix } from './edits/yamlEdits';
import type { FieldPath, Located, Offsets } from './parse';
import { schemaAt, schemaValidator, type FieldSchema } from './schema';
import { closestMatch, listWords } from './suggest';
import { misspeltKeys } from './rules/unknownKeys';
import { insertFieldsEdits } from './edits/insertFields';
import type { Fix } from './types';

/**
 * Keywords whose errors a rule module reports with a better message:
 * `additionalProperties` by unknownKeys (did-you-mean), `pattern` by timeFormat and callerId.
 */
const OWNED_BY_RULES = new Set(['additionalProperties', 'pattern']);

export function schemaDiagnostics(context: ValidationContext): void {
  const validate = schemaValidator();
  if (validate(context.campaign)) return;
  const errors = (validate.errors ?? []).filter((e) => !OWNED_BY_RULES.has(e.keyword));

  // A wrong type makes every other complaint about that value noise (`priority: 5` also fails the enum).
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const missingByParent = new Map<string, { path: FieldPath; fields: string[] }>();

  for (const error of errors) {
    const path = toFieldPath(error.instancePath);
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
    if (error.keyword === 'required') {
      const entry = missingByParent.get(error.instancePath) ?? { path, fields: [] };
      entry.fields.push(String((error.params as { missingProperty: string }).missingProperty));
      missingByParent.set(error.instancePath, entry);
      continue;
    }
    reportSchemaError(context, error, path);
  }

  for (const { path, fields: allMissing } of missingByParent.values()) {
    // A missing field whose misspelling is present is one mistake: unknownKeys reports it on that key.
    const misspelt = new Set(misspeltKeys(context.valueAt(path), schemaAt(path)).values());
    const fields = allMissing.filter((field) => !misspelt.has(field));
    if (fields.length === 0) continue;
    const owner = path.length === 0 ? 'The campaign' : fieldLabel(path);
    const noun = fields.length === 1 ? 'the required field' : 'the required fields';
    context.report({
      path,
      code: 'required',
      severity: 'error',
      target: 'firstLine',
      message: `${owner} is missing ${noun} ${listWords(fields)}.`,
      fixes: (located) => requiredFieldsFix(context, path, located, fields),
    });
  }
}

/**
 * Insert the missing fields with placeholders. Not preferred: the placeholders need the
 * author's values (an empty name or caller ID stays flagged), so "fix all" leaves them alone.
 */
function requiredFieldsFix(context: ValidationContext, path: FieldPath, located: Located, fields: readonly string[]): Fix[] | undefined {
  const edits = insertFieldsEdits(context.parsed, path, located, fields);
  if (!edits?.length) return undefined;
  return [{ title: fields.length === 1 ? `Add the missing field ${fields[0]}` : `Add the missing fields ${listWords(fields)}`, edits }];
}

function reportSchemaError(context: ValidationContext, error: ErrorObject, path: FieldPath): void {
  const schema = schemaAt(path) ?? {};
  const value = context.valueAt(path);
  const label = fieldLabel(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const yamlHint =
        typeof value === 'string' && /^(yes|no|on|off|y|n)$/i.test(value) && schema.type === 'boolean'
          ? ' (YAML 1.2 reads yes/no/on/off as strings)'
          : '';
      context.report({
        path,
        code: 'type',
        severity: 'error',
        message: `${label} must be ${describeExpected(schema)}; found ${describeValue(value)}${yamlHint}.`,
        fixes: (located) =>
          // `callerId:` with nothing under it: offer its required fields, as for a missing field.
          schema.type === 'object' && (value === null || value === undefined) && schema.required?.length
            ? requiredFieldsFix(context, path, located, schema.required)
            : typeFixes(context, schema, value, located.reportRange, located.viaAlias),
      });
      return;
    }
    case 'enum': {
      const allowed = schema.enum ?? [];
      const suggestion = typeof value === 'string' ? suggestEnumValue(value, allowed) : undefined;
      context.report({
        path,
        code: 'enum',
        severity: 'error',
        message: `${label} must be one of ${describeEnum(allowed)}; found ${describeValue(value)}${suggestion ? `. Did you mean "${suggestion}"?` : '.'}`,
        fixes: replaceValueFix(context.parsed, suggestion),
      });
      return;
    }
    case 'minLength':
      context.report({ path, code: 'empty', severity: 'error', target: 'keyOrValue', message: `${label} must not be empty.` });
      return;
    case 'maxLength':
      context.report({
        path,
        code: 'max-length',
        severity: 'error',
        message: `${label} must be at most ${params.limit} characters; it has ${typeof value === 'string' ? codePointLength(value) : '?'}.`,
      });
      return;
    case 'minimum':
    case 'maximum':
      context.report({
        path,
        code: 'range',
        severity: 'error',
        message: `${label} must be ${rangePhrase(schema)}; found ${value}.`,
      });
      return;
    case 'minItems':
      context.report({
        path,
        code: 'min-items',
        severity: 'error',
        target: 'keyOrValue',
        message: `${label} must have at least ${params.limit} ${Number(params.limit) === 1 ? 'entry' : 'entries'}; it is empty.`,
      });
      return;
    default:
      // A keyword the schema gained without a message here: still say where and what.
      context.report({
        path,
        code: error.keyword,
        severity: 'error',
        message: `${label} is not valid here: it must be ${describeExpected(schema)}.`,
      });
  }
}

/** A near spelling, or the code a full word abbreviates (`Tuesday` -> `TU`). */
function suggestEnumValue(value: string, allowed: readonly string[]): string | undefined {
  const close = closestMatch(value, allowed);
  if (close) return close;
  const abbreviation = value.trim().slice(0, 2).toUpperCase();
  return value.trim().length > 2 && allowed.includes(abbreviation) ? abbreviation : undefined;
}

/** Characters as ajv's maxLength counts them (code points), without copying a long string into an array. */
function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) count--;
  }
  return count;
}

function rangePhrase(schema: FieldSchema): string {
  if (schema.minimum !== undefined && schema.maximum !== undefined) return `between ${schema.minimum} and ${schema.maximum}`;
  if (schema.minimum !== undefined) return `${schema.minimum} or more`;
  return `at most ${schema.maximum}`;
}

/** The quick fixes for a wrong type: quote a number, unquote a boolean or number. */
function typeFixes(context: ValidationContext, schema: FieldSchema, value: unknown, range: Offsets, viaAlias: boolean): Fix[] | undefined {
  if (viaAlias) return undefined;
  const edit = (newText: string) => [replaceNodeEdit(context.parsed, range, newText)];
  if (schema.type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    const text = String(value);
    if (!schema.enum || schema.enum.includes(text))
      return [{ title: `Quote it: "${text}"`, preferred: true, edits: edit(JSON.stringify(text)) }];
  }
  if (schema.type === 'boolean' && typeof value === 'string') {
    const truthy = /^(true|yes|on|y)$/i.test(value.trim());
    const falsy = /^(false|no|off|n)$/i.test(value.trim());
    if (truthy || falsy) return [{ title: `Change to ${truthy}`, preferred: true, edits: edit(String(truthy)) }];
    return [
      { title: 'Change to true', edits: edit('true') },
      { title: 'Change to false', edits: edit('false') },
    ];
  }
  if ((schema.type === 'integer' || schema.type === 'number') && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    const number = Number(value);
    if (schema.type === 'number' || Number.isInteger(number))
      return [{ title: `Unquote it: ${number}`, preferred: true, edits: edit(String(number)) }];
  }
  return undefined;
}

/** `/dialingStrategy/callingHours/days/0` -> `['dialingStrategy','callingHours','days',0]`. */
function toFieldPath(instancePath: string): FieldPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => {
      const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(key) ? Number(key) : key;
    });
}
