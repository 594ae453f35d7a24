import { replaceNodeEdit } from '../edits/yamlEdits';
import type { FieldPath } from '../parse';
import { formatPath } from '../fieldPaths';
import { campaignSchema, type FieldSchema } from '../schema';
import { closestMatch } from '../suggest';
import { isRecord, type CampaignRule } from './rule';
import type { ValidationContext } from '../context';

/** Keys the API does not know: it would ignore or refuse them. Suggests the closest known key. */
export const unknownKeys: CampaignRule = {
  codes: ['unknown-key'],
  check(context) {
    visit(context, campaignSchema, context.campaign, []);
  },
};

/** Each schema's known keys, listed once rather than for every mapping visited. */
const knownKeys = new WeakMap<FieldSchema, string[]>();

/**
 * Walks every mapping of the campaign on every keystroke (16,000 items in a 50,000-line
 * `days` list), so it allocates nothing per node: `path` is one stack, pushed and popped,
 * copied only when a key is reported (this walk made 23 MB of garbage per validation of such
 * a file when each level copied its path).
 */
function visit(context: ValidationContext, schema: FieldSchema, value: unknown, path: (string | number)[]): void {
  if (schema.type === 'array' && Array.isArray(value) && schema.items) {
    const items = schema.items as FieldSchema;
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      visit(context, items, value[index], path);
      path.pop();
    }
    return;
  }
  if (schema.type !== 'object' || !isRecord(value) || !schema.properties) return;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const childSchema = Object.prototype.hasOwnProperty.call(schema.properties, key) ? schema.properties[key] : undefined;
    if (childSchema) {
      path.push(key);
      visit(context, childSchema, value[key], path);
      path.pop();
      continue;
    }
    if (schema.additionalProperties !== false) continue;
    report(context, schema, value, path.slice(), key);
  }
}

function report(context: ValidationContext, schema: FieldSchema, value: Record<string, unknown>, path: FieldPath, key: string): void {
  let known = knownKeys.get(schema);
  if (!known) knownKeys.set(schema, (known = Object.keys(schema.properties ?? {})));
  const suggestion = closestMatch(key, known);
  // Renaming onto a key that is already there would only trade this warning for a duplicate key.
  const alreadySet = suggestion !== undefined && suggestion in value;
  // A misspelt required field is what the API would refuse: an error, reported here instead of as "missing".
  const missingRequired = suggestion !== undefined && !alreadySet && (schema.required ?? []).includes(suggestion);
  const where = path.length ? ` in ${formatPath(path)}` : '';
  context.report({
    path: [...path, key],
    code: 'unknown-key',
    severity: missingRequired ? 'error' : 'warning',
    target: 'key',
    message: suggestion
      ? `Unknown key "${key}"${where}: the API does not know it. Did you mean "${suggestion}"?${alreadySet ? ` (${suggestion} is already set in this mapping: this line may be a leftover.)` : ''}${missingRequired ? ` The required field ${suggestion} is missing.` : ''}`
      : `Unknown key "${key}"${where}: the API does not know it. Known keys here: ${known.join(', ')}.`,
    fixes: (located) =>
      suggestion && !alreadySet && located.keyRange
        ? [{ title: `Rename to "${suggestion}"`, preferred: true, edits: [replaceNodeEdit(context.parsed, located.keyRange, suggestion)] }]
        : undefined,
  });
}

/** Unknown keys of one mapping that are near spellings of a known key not yet present: key -> intended key. */
export function misspeltKeys(value: unknown, schema: FieldSchema | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!isRecord(value) || !schema?.properties || schema.additionalProperties !== false) return out;
  const known = Object.keys(schema.properties);
  for (const key of Object.keys(value)) {
    if (key in schema.properties) continue;
    const suggestion = closestMatch(key, known);
    if (suggestion && !(suggestion in value)) out.set(key, suggestion);
  }
  return out;
}
