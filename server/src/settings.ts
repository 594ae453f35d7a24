import type { Severity, ValidationOptions } from '../../core/src';
import { DEFAULT_MAX_PROBLEMS } from './problemLimit';

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

/** The `koreCampaign` settings section as the client sends it. */
export interface CampaignSettings {
  validate?: {
    enable?: boolean;
    /** Per rule code (`unknown-key`, `window-overlap`, ...): `off` or a severity. Wins over the groups. */
    rules?: Record<string, Severity | 'off'>;
    /** The most problems published per file (see problemLimit.ts). */
    maxProblems?: number;
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

/** `koreCampaign.validate.maxProblems`, or the default when unset or not a whole number of at least 1. */
export function maxProblems(settings: CampaignSettings | undefined): number {
  const value = settings?.validate?.maxProblems;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_MAX_PROBLEMS;
}
