// The pure core: parse, validate (and, as features land, complete, hover, fix).
// Used by the language server, the command line and the tests alike.
export * from './types';
export {
  parseCampaign,
  locate,
  PARSE_LIMITS,
  MAX_CAMPAIGN_FILE_BYTES,
  MAX_CAMPAIGN_FILE_LINES,
  MAX_CAMPAIGN_FILE_MARKS,
  type ParsedCampaign,
  type FieldPath,
  type Located,
} from './parse';
export { LineIndex } from './lineIndex';
export { incrementalParseStats } from './incrementalParse';
export { syntaxTreeOf, canReparseFrom } from './parse';
export { validateCampaign, validateCampaignLimited, validateText, RULE_CODES, type ValidationOptions } from './validate';
export { campaignSchema, schemaAt, type FieldSchema } from './schema';
export { isValidTimeZone, allTimeZoneNames, preferredTimeZoneNames } from './timezones';
export { WORKSPACE_TIME_ZONES, timeZoneInText, type WorkspaceTimeZonesParams } from './workspaceZones';
export { parseApiTime, formatApiTime, suggestApiTime } from './time';
// Authoring services (completion, hover, code actions, outline): pure functions over a parse.
export {
  completeAt,
  campaignTimeZone,
  type CompletionEntry,
  type CompletionResult,
  type CompletionOptions,
  type CompletionKind,
} from './services/completion';
export { cursorContext, type CursorContext } from './services/cursor';
export { callingHoursWeek, type CallingHoursWeekOptions } from './services/callingHoursWeek';
export * from './services/callingHoursModel';
export { callingHoursLens, type CallingHoursLens } from './services/callingHoursLens';
export { hoverAt, type HoverResult, type HoverOptions } from './services/hover';
export { quickFixes, fixAll, FIX_ALL_KIND, FIX_ALL_TITLE, type CampaignCodeAction, type FixableDiagnostic } from './services/codeActions';
export { documentSymbols, type CampaignSymbol, type SymbolKindName } from './services/documentSymbols';
export { foldingRanges, selectionRange, type CampaignFoldingRange, type CampaignSelectionRange } from './services/folding';
export { setCampaignIdEdit } from './edits/setCampaignId';
export { rangeForField, type FieldLocation } from './fieldRange';
export { applyTextEdits } from './edits/setCampaignId';
export { formatPath, parseFieldPath, normaliseFieldName } from './fieldPaths';
// Settings and the push pre-flight, shared by the language server, the editor's push and the CLI.
export {
  validationOptions,
  campaignSettingsFromJson,
  mergeCampaignSettings,
  RULE_GROUPS,
  SETTINGS_SECTION,
  type CampaignSettings,
  type GroupSetting,
  type RuleGroup,
} from './settings';
export { preparePush, type PreparedPush, type PushReady, type PushBlocked } from './prepare';
export { bodyFromCampaign } from './pushBody';
// Campaigns as code: platform-owned fields, the file form of a read, a plan (file vs platform).
export {
  PLATFORM_OWNED_FIELDS,
  PLATFORM_OWNED_PATHS,
  platformOwnedField,
  READ_ONLY_MESSAGE,
  type PlatformOwnedField,
} from './platformFields';
export { campaignFileForm, fileFormNotes, renderCampaignFile, yamlText, type CampaignFileForm, type RenderOptions } from './fileForm';
export { updateCampaignFile, type FileUpdate } from './edits/updateCampaignFile';
export {
  planCampaign,
  planValueText,
  sameValue,
  withoutPlatformFields,
  type CampaignPlan,
  type PlanChange,
  type PlanChangeKind,
} from './plan';
export { slugFor } from './campaignFileName';
// Platform knowledge: its contact lists (when known), the calling-hours policy.
export { KnownContactLists, contactCount, type ContactListFacts } from './knownContactLists';
export { closestMatch } from './suggest';
export { CURFEW_EARLIEST, CURFEW_LATEST, MIN_RING_SECONDS } from './policy';
