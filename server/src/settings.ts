import type { Severity, ValidationOptions } from './core';

/** The `koreCampaign` settings section as the client sends it. */
export interface CampaignSettings {
  validate?: {
    enable?: boolean;
    /** Per rule code (`unknown-key`, `window-overlap`, ...): `off` or a severity. */
    rules?: Record<string, Severity | 'off'>;
  };
}

export function validationOptions(settings: CampaignSettings | undefined): ValidationOptions {
  return settings?.validate?.rules ? { severities: settings.validate.rules } : {};
}
