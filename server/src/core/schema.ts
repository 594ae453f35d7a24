import Ajv, { type ValidateFunction } from 'ajv';
import campaignSchemaJson from '../../../schemas/campaign.schema.json';
import type { FieldPath } from './parse';

/** The subset of JSON Schema the campaign schema uses; enough for hover, completion and messages. */
export interface FieldSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  title?: string;
  description?: string;
  markdownDescription?: string;
  enum?: string[];
  enumDescriptions?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  patternErrorMessage?: string;
  required?: string[];
  properties?: Record<string, FieldSchema>;
  additionalProperties?: boolean;
  items?: FieldSchema;
  defaultSnippets?: { label?: string; body: unknown }[];
}

export const campaignSchema = campaignSchemaJson as unknown as FieldSchema;

/** Keywords that only document (for editors): ajv must accept them in strict mode. */
const ANNOTATIONS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage', 'defaultSnippets'];

let compiled: ValidateFunction | undefined;

/** The schema validator, compiled once per process and reused on every keystroke. */
export function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, messages: false });
    ajv.addVocabulary(ANNOTATIONS);
    compiled = ajv.compile(campaignSchemaJson);
  }
  return compiled;
}

/** The schema that governs the value at `path` (array indices step into `items`). */
export function schemaAt(path: FieldPath): FieldSchema | undefined {
  let current: FieldSchema | undefined = campaignSchema;
  for (const segment of path) {
    if (!current) return undefined;
    current = typeof segment === 'number' ? current.items : current.properties?.[segment];
  }
  return current;
}

/** `['dialingStrategy','callingHours','days',0,'start']` -> `dialingStrategy.callingHours.days[0].start`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}
