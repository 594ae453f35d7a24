import { replaceValueFix } from '../edits/yamlEdits';
import { CALLER_ID_NUMBER } from '../fieldPaths';
import type { CampaignRule } from './rule';

const E164 = /^\+[1-9]\d{6,14}$/;

/** The caller id is E.164: `+` then 7 to 15 digits. */
export const callerId: CampaignRule = {
  codes: ['caller-id-e164'],
  check(context) {
    const phone = context.valueAt(CALLER_ID_NUMBER);
    if (typeof phone !== 'string' || E164.test(phone)) return;
    const suggestion = suggestE164(phone);
    context.report({
      path: [...CALLER_ID_NUMBER],
      code: 'caller-id-e164',
      severity: 'error',
      message: `phoneNumber must be in E.164 format: + then 7 to 15 digits with no spaces, e.g. "+18123456789"; found "${phone}"${suggestion ? `. Did you mean "${suggestion}"?` : '.'}`,
      fixes: replaceValueFix(context.parsed, suggestion),
    });
  },
};

/** `+1 (812) 345-6789` -> `+18123456789`; `0044...` -> `+44...`. Never guesses a country code. */
export function suggestE164(phone: string): string | undefined {
  const trimmed = phone.trim();
  const international = trimmed.startsWith('+') ? trimmed.slice(1) : trimmed.startsWith('00') ? trimmed.slice(2) : undefined;
  if (international === undefined) return undefined;
  if (!/^[\d\s().-]+$/.test(international)) return undefined;
  const candidate = `+${international.replace(/\D/g, '')}`;
  return E164.test(candidate) ? candidate : undefined;
}
