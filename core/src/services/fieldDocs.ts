// A field's documentation as the author sees it in hover and completion: everything comes
// from the schema (description, type, limits, allowed values, required or not), so the API's
// words live in one place.
import { describeEnum } from '../describe';
import type { FieldPath } from '../parse';
import { formatPath } from '../fieldPaths';
import { schemaAt, type FieldSchema } from '../schema';

/** `string, required`, `whole number 5..120, required`, `list of calling windows, at least 1`. */
export function typeSummary(schema: FieldSchema): string {
  switch (schema.type) {
    case 'string':
      if (schema.enum) return `string ${describeEnum(schema.enum)}`;
      if (schema.maxLength !== undefined) return `string, at most ${schema.maxLength} characters`;
      return schema.minLength ? 'string, not empty' : 'string';
    case 'integer':
    case 'number': {
      const noun = schema.type === 'integer' ? 'whole number' : 'number';
      if (schema.minimum !== undefined && schema.maximum !== undefined) return `${noun} ${schema.minimum} to ${schema.maximum}`;
      if (schema.minimum !== undefined) return `${noun}, ${schema.minimum} or more`;
      return noun;
    }
    case 'boolean':
      return 'true or false';
    case 'array': {
      const items = schema.items?.type === 'object' ? `${(schema.items.title ?? 'item').toLowerCase()}s` : 'strings';
      return `list of ${items}${schema.minItems ? `, at least ${schema.minItems}` : ''}`;
    }
    case 'object':
      return 'mapping';
    default:
      return 'value';
  }
}

/** Whether the field at `path` is required by its parent mapping (list items are always "required"). */
export function isRequired(path: FieldPath): boolean {
  if (path.length === 0) return true;
  const last = path[path.length - 1];
  if (typeof last === 'number') return true;
  return schemaAt(path.slice(0, -1))?.required?.includes(last) ?? false;
}

/** Markdown for a field: title line, description, then type, limits and allowed values. */
export function fieldMarkdown(path: FieldPath, schema: FieldSchema): string {
  const last = path[path.length - 1];
  const name = typeof last === 'string' ? last : (schema.title ?? formatPath(path));
  const requiredText = path.length === 0 ? '' : isRequired(path) ? ', **required**' : ', optional';
  const lines = [`**${name}**: ${typeSummary(schema)}${requiredText}`, '', schema.markdownDescription ?? schema.description ?? ''];
  if (schema.enum) {
    lines.push('', 'Allowed values:');
    schema.enum.forEach((value, i) => {
      const note = schema.enumDescriptions?.[i];
      lines.push(`- \`${JSON.stringify(value)}\`${note ? `: ${note}` : ''}`);
    });
  }
  if (schema.type === 'object' && schema.properties) {
    const required = schema.required ?? [];
    lines.push(
      '',
      `Fields: ${Object.keys(schema.properties)
        .map((k) => (required.includes(k) ? `\`${k}\`` : `\`${k}\` (optional)`))
        .join(', ')}`,
    );
  }
  if (schema.pattern && schema.patternErrorMessage) lines.push('', schema.patternErrorMessage);
  if (path.length > 1) lines.push('', `\`${formatPath(path.map((s) => (typeof s === 'number' ? 0 : s))).replace(/\[0\]/g, '[]')}\``);
  return lines.join('\n').trim();
}
