// Every `koreCampaign.*` setting the extension reads, typed and clamped in one place (rust-analyzer's
// config.ts): no other module calls getConfiguration. The language server reads the section for
// itself (validate.*, and trace.server through the language client); what the extension does
// with validate.* goes through the core's own conversion (core/src/settings.ts), as the server's does.
import * as vscode from 'vscode';
import { RULE_GROUPS, SETTINGS_SECTION, validationOptions, type CampaignSettings, type RuleGroup } from '../../core/src/settings';
import type { ValidationOptions } from '../../core/src/validate';
import { SANDBOX_DEFAULT_PORT } from '../../sandbox/src/defaults';

/**
 * The numeric settings as package.json declares them (the in-editor suite checks that they
 * agree). A value that is not a number gets the default; one out of range is clamped, except a
 * port, which gets the default: a clamped port would be some other server's.
 */
export const NUMBER_SETTINGS = {
  'connections.sandboxPort': { default: SANDBOX_DEFAULT_PORT, minimum: 1, maximum: 65535, integer: true, clamp: false },
  'connections.requestTimeoutSeconds': { default: 30, minimum: 1, maximum: 300, integer: false, clamp: true },
  'platform.cacheMinutes': { default: 10, minimum: 0, maximum: 1440, integer: false, clamp: true },
  'platform.requestsPerMinute': { default: 60, minimum: 1, maximum: 10_000, integer: true, clamp: true },
} as const;

type NumberSetting = keyof typeof NUMBER_SETTINGS;

/** Every setting the extension reacts to, as `affects` takes them. */
export type SettingKey = NumberSetting | 'validate' | 'preferredConnection' | 'push.confirmChanges';

/** Which rule groups report anything, for the language status item. */
export interface RuleGroupsOn {
  /** `koreCampaign.validate.enable`. */
  enabled: boolean;
  on: RuleGroup[];
  all: number;
}

function section(resource?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, resource);
}

function numberSetting(key: NumberSetting): number {
  const spec = NUMBER_SETTINGS[key];
  const value = section().get<unknown>(key);
  if (typeof value !== 'number' || !Number.isFinite(value) || (spec.integer && !Number.isInteger(value))) return spec.default;
  if (value >= spec.minimum && value <= spec.maximum) return value;
  return spec.clamp ? Math.min(spec.maximum, Math.max(spec.minimum, value)) : spec.default;
}

export const config = {
  /** The local sandbox's port (the Local sandbox connection and Start Local Sandbox). Application scope. */
  get sandboxPort(): number {
    return numberSetting('connections.sandboxPort');
  },

  /** How long one try of a platform call may take. Application scope. */
  get requestTimeoutMs(): number {
    return numberSetting('connections.requestTimeoutSeconds') * 1000;
  },

  /** How long fetched contact lists are used before they are fetched again. Application scope. */
  /** The most requests a minute to one account (Kore.ai's documented 60), shared by every call to it. */
  get requestsPerMinute(): number {
    return numberSetting('platform.requestsPerMinute');
  },
  get cacheMinutes(): number {
    return numberSetting('platform.cacheMinutes');
  },

  /** Whether a push lists its changes and asks first (never for the local sandbox: the caller decides that). */
  confirmChanges(resource?: vscode.Uri): boolean {
    return section(resource).get<unknown>('push.confirmChanges') !== false;
  },

  /** The connection this workspace prefers, by name; undefined when none is named. */
  preferredConnection(resource?: vscode.Uri): string | undefined {
    const name = section(resource).get<unknown>('preferredConnection');
    return typeof name === 'string' && name.trim() ? name.trim() : undefined;
  },

  /** The validation options for a file, as the language server computes them for its folder. */
  validation(resource?: vscode.Uri): ValidationOptions {
    return validationOptions({ validate: section(resource).get<CampaignSettings['validate']>('validate') });
  },

  /** The groups with at least one code not turned off, by the group settings or by `validate.rules`. */
  ruleGroups(resource?: vscode.Uri): RuleGroupsOn {
    const options = config.validation(resource);
    const groups = Object.keys(RULE_GROUPS) as RuleGroup[];
    if (options.enable === false) return { enabled: false, on: [], all: groups.length };
    const off = (code: string) => options.severities?.[code] === 'off';
    return { enabled: true, on: groups.filter((group) => !RULE_GROUPS[group].every(off)), all: groups.length };
  },

  /** Whether a configuration change touches any of `keys`. */
  affects(event: vscode.ConfigurationChangeEvent, ...keys: SettingKey[]): boolean {
    return keys.some((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`));
  },
};
