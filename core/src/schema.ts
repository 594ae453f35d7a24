/// <reference path="./campaignValidator.d.ts" />
import type { ValidateFunction } from 'ajv';
import standaloneValidator from 'campaign-validator:standalone';
import campaignSchemaJson from '../../schemas/campaign.schema.json';
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

/**
 * The schema validator, generated from schemas/campaign.schema.json at build time (ajv's
 * standalone code, scripts/lib/campaign-validator.mjs): nothing is compiled at run time, so a
 * server start or a CLI run does not spend 35-50 ms compiling it.
 */
export function schemaValidator(): ValidateFunction {
  return standaloneValidator;
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
