import { replaceNodeEdit } from '../edits/yamlEdits';
import type { FieldPath } from '../parse';
import { campaignSchema, formatPath, type FieldSchema } from '../schema';
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

function visit(context: ValidationContext, schema: FieldSchema, value: unknown, path: FieldPath): void {
  if (schema.type === 'array' && Array.isArray(value) && schema.items) {
    value.forEach((item, index) => visit(context, schema.items as FieldSchema, item, [...path, index]));
    return;
  }
  if (schema.type !== 'object' || !isRecord(value) || !schema.properties) return;
  const known = Object.keys(schema.properties);
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties[key];
    if (childSchema) {
      visit(context, childSchema, child, [...path, key]);
      continue;
    }
    if (schema.additionalProperties !== false) continue;
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
