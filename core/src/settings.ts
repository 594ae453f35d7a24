// The `koreCampaign` settings turned into validation options: one conversion for the language
// server (per workspace folder), the editor's push and the CLI (`.vscode/settings.json`), so
// every path reports, and blocks on, exactly the same problems.
import { isRecord } from './rules/rule';
import type { Severity } from './types';
import type { ValidationOptions } from './validate';

export type GroupSetting = Severity | 'off' | 'default';

/**
 * Rule groups a user can turn off or re-grade, like a linter's rule families
 * (`koreCampaign.validate.<group>`; `default` keeps each rule's own severity).
 * YAML syntax problems are not here: a file that cannot be read has no campaign to check.
 */
export const RULE_GROUPS = {
  fields: ['required', 'type', 'enum', 'empty', 'max-length', 'range', 'min-items'],
  unknownKeys: ['unknown-key'],
  callingHours: ['time-format', 'time-order', 'window-overlap', 'duplicate-window', 'timezone'],
  callerId: ['caller-id-e164'],
  contactLists: ['duplicate-contact-list'],
  dialingMode: ['campaign-type', 'max-skips-mode', 'agentless-flow'],
} as const satisfies Record<string, readonly string[]>;

export type RuleGroup = keyof typeof RULE_GROUPS;

/** The `koreCampaign` settings section, as VS Code (or the language client) hands it over. */
export interface CampaignSettings {
  validate?: {
    enable?: boolean;
    /** Per rule code (`unknown-key`, `window-overlap`, ...): `off` or a severity. Wins over the groups. */
    rules?: Record<string, Severity | 'off'>;
  } & Partial<Record<RuleGroup, GroupSetting>>;
}

export const SETTINGS_SECTION = 'koreCampaign';

const LEVELS = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

export function validationOptions(settings: CampaignSettings | undefined): ValidationOptions {
  const validate = settings?.validate;
  if (!validate) return {};
  if (validate.enable === false) return { enable: false };
  const severities: Record<string, Severity | 'off'> = {};
  for (const [group, codes] of Object.entries(RULE_GROUPS) as [RuleGroup, readonly string[]][]) {
    const level = validate[group];
    // Anything else (`default`, a typo from a hand-edited settings.json) keeps the rules' own severities.
    if (typeof level === 'string' && LEVELS.has(level)) for (const code of codes) severities[code] = level as Severity | 'off';
  }
  const rules = isRecord(validate.rules) ? validate.rules : {};
  for (const [code, level] of Object.entries(rules)) if (typeof level === 'string' && LEVELS.has(level)) severities[code] = level;
  return Object.keys(severities).length ? { severities } : {};
}

/**
 * The `koreCampaign` section of a parsed `settings.json`, which may spell a setting flat
 * (`"koreCampaign.validate.callingHours": "off"`) or nested (`"koreCampaign": { "validate": {...} }`).
 */
export function campaignSettingsFromJson(json: unknown): CampaignSettings {
  const validate: Record<string, unknown> = {};
  if (!isRecord(json)) return {};
  const assign = (key: string, value: unknown) => {
    if (key === 'rules' && isRecord(value)) validate.rules = { ...(validate.rules as object | undefined), ...value };
    else validate[key] = value;
  };
  for (const [key, value] of Object.entries(json)) {
    const nested = key === SETTINGS_SECTION ? value : key === `${SETTINGS_SECTION}.validate` ? { validate: value } : undefined;
    if (isRecord(nested) && isRecord(nested.validate)) for (const [k, v] of Object.entries(nested.validate)) assign(k, v);
    else if (key.startsWith(`${SETTINGS_SECTION}.validate.`)) assign(key.slice(`${SETTINGS_SECTION}.validate.`.length), value);
  }
  return Object.keys(validate).length ? { validate: validate as CampaignSettings['validate'] } : {};
}

/**
 * `nearer` over `farther`, as VS Code layers a folder's settings over the workspace's: each
 * setting from the nearer file wins, and the per-code `rules` objects merge code by code.
 */
export function mergeCampaignSettings(farther: CampaignSettings, nearer: CampaignSettings): CampaignSettings {
  if (!farther.validate) return nearer;
  if (!nearer.validate) return farther;
  const rules = { ...farther.validate.rules, ...nearer.validate.rules };
  return { validate: { ...farther.validate, ...nearer.validate, ...(Object.keys(rules).length ? { rules } : {}) } };
}
