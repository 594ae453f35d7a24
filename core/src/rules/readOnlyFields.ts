import { isMap } from 'yaml';
import { deletePairEdit } from '../edits/yamlEdits';
import type { ValidationContext } from '../context';
import { PLATFORM_OWNED_FIELDS, READ_ONLY_MESSAGE } from '../platformFields';
import type { FieldPath } from '../parse';
import { isRecord, type CampaignRule } from './rule';

/** Fields a read from the platform carries and a write does not take: a hint, and never sent (see platformFields.ts). */
export const readOnlyFields: CampaignRule = {
  codes: ['read-only-field'],
  check(context) {
    for (const field of PLATFORM_OWNED_FIELDS) {
      const parentPath = field.path.slice(0, -1);
      const parent = parentPath.length ? context.valueAt(parentPath) : context.campaign;
      const key = field.path[field.path.length - 1];
      if (!isRecord(parent) || !Object.prototype.hasOwnProperty.call(parent, key)) continue;
      context.report({
        path: [...field.path],
        code: 'read-only-field',
        severity: 'hint',
        target: 'key',
        message: `${field.path.join('.')}: ${READ_ONLY_MESSAGE}. ${field.about}`,
        fixes: () => removalFix(context, [...field.path]),
      });
    }
  },
};

/** Remove the key; a mapping left empty by it (`schedule:` holding only this) goes with it. */
function removalFix(context: ValidationContext, path: FieldPath) {
  let target = path;
  while (target.length > 1) {
    const parent = context.locate(target.slice(0, -1))?.node;
    if (!isMap(parent) || parent.items.length !== 1) break;
    target = target.slice(0, -1);
  }
  const parentNode = target.length > 1 ? context.locate(target.slice(0, -1))?.node : context.parsed.document?.contents;
  const pair = context.locate(target)?.pair;
  if (!isMap(parentNode) || !pair) return undefined;
  const edit = deletePairEdit(context.parsed, parentNode, pair);
  const name = String(target[target.length - 1]);
  return edit ? [{ title: `Remove ${name} (${READ_ONLY_MESSAGE})`, preferred: true, edits: [edit] }] : undefined;
}
