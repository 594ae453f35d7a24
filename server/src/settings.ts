import type { Severity, ValidationOptions } from '../../core/src';

export type GroupSetting = Severity | 'off' | 'default';

/**
 * Rule groups a user can turn off or re-grade, like a linter's rule families
 * (`koreCampaign.validate.<group>`; `default` keeps each rule's own severity).
 * YAML syntax problems are not here: a file that cannot be read has no campaign to check.
 */
export const RULE_GROUPS = {
  fields: ['required', 'type', 'enum', 'empty', 'max-length', 'range', 'min-items'],
  unknownKeys: ['unknown-key', 'read-only-field'],
  callingHours: ['time-format', 'time-order', 'window-overlap', 'duplicate-window', 'timezone'],
  callerId: ['caller-id-e164'],
  contactLists: ['duplicate-contact-list', 'unknown-contact-list', 'empty-contact-list'],
  dialingMode: ['campaign-type', 'max-skips-mode', 'agentless-flow'],
  /** Calling policy (US telemarketing rules) a team may or may not be bound by: information by default. */
  policy: ['calling-hours-curfew', 'short-ring-time'],
} as const satisfies Record<string, readonly string[]>;

export type RuleGroup = keyof typeof RULE_GROUPS;

/** The `koreCampaign` settings section as the client sends it. */
export interface CampaignSettings {
  validate?: {
    enable?: boolean;
    /** Per rule code (`unknown-key`, `window-overlap`, ...): `off` or a severity. Wins over the groups. */
    rules?: Record<string, Severity | 'off'>;
  } & Partial<Record<RuleGroup, GroupSetting>>;
}

const LEVELS = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

export function validationOptions(settings: CampaignSettings | undefined): ValidationOptions {
  const validate = settings?.validate;
  if (!validate) return {};
  const severities: Record<string, Severity | 'off'> = {};
  for (const [group, codes] of Object.entries(RULE_GROUPS) as [RuleGroup, readonly string[]][]) {
    const level = validate[group];
    // Anything else (`default`, a typo from a hand-edited settings.json) keeps the rules' own severities.
    if (typeof level === 'string' && LEVELS.has(level)) for (const code of codes) severities[code] = level as Severity | 'off';
  }
  for (const [code, level] of Object.entries(validate.rules ?? {})) if (typeof level === 'string' && LEVELS.has(level)) severities[code] = level;
  return Object.keys(severities).length ? { severities } : {};
}
