// The pure core: parse, validate (and, as features land, complete, hover, fix).
// Used by the language server, the command line and the tests alike.
export * from './types';
export { parseCampaign, locate, PARSE_LIMITS, type ParsedCampaign, type FieldPath, type Located } from './parse';
export { LineIndex } from './lineIndex';
export { validateCampaign, validateText, RULE_CODES, type ValidationOptions } from './validate';
export { campaignSchema, schemaAt, formatPath, type FieldSchema } from './schema';
export { isValidTimeZone, allTimeZoneNames, preferredTimeZoneNames } from './timezones';
export { parseApiTime, formatApiTime, suggestApiTime } from './time';
