import { ValidationContext } from './context';
import { parseCampaign, type ParsedCampaign } from './parse';
import { CAMPAIGN_RULES } from './rules';
import { isRecord } from './rules/rule';
import { schemaDiagnostics } from './schemaDiagnostics';
import type { CampaignDiagnostic, Severity } from './types';
import { yamlDiagnostics } from './yamlDiagnostics';

export interface ValidationOptions {
  /** `false` reports nothing (`koreCampaign.validate.enable`). */
  enable?: boolean;
  /** Per diagnostic code: a different severity, or `off` (from `koreCampaign.validate.*`). */
  severities?: Readonly<Record<string, Severity | 'off'>>;
}

/** Every problem in a campaign file, in document order. Pure and synchronous; never throws on any input. */
export function validateCampaign(parsed: ParsedCampaign, options: ValidationOptions = {}): CampaignDiagnostic[] {
  if (options.enable === false) return [];
  let diagnostics = yamlDiagnostics(parsed);
  // Campaign rules need a well-formed mapping: on broken YAML they would only add noise.
  if (diagnostics.length === 0 && isRecord(parsed.value)) {
    const context = new ValidationContext(parsed, parsed.value);
    schemaDiagnostics(context);
    for (const rule of CAMPAIGN_RULES) rule.check(context);
    diagnostics = context.diagnostics;
  }
  if (options.severities) diagnostics = applySeverities(diagnostics, options.severities);
  return diagnostics.sort(compareDiagnostics);
}

/** Document order; on one position, by code. */
export function compareDiagnostics(a: CampaignDiagnostic, b: CampaignDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}

export function validateText(text: string, options?: ValidationOptions): CampaignDiagnostic[] {
  return validateCampaign(parseCampaign(text), options);
}

function applySeverities(diagnostics: CampaignDiagnostic[], severities: Readonly<Record<string, Severity | 'off'>>): CampaignDiagnostic[] {
  const out: CampaignDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const override = severities[diagnostic.code];
    if (override === 'off') continue;
    out.push(override ? { ...diagnostic, severity: override } : diagnostic);
  }
  return out;
}

/** All codes the validator can produce, for settings and documentation. */
export const RULE_CODES: readonly string[] = [
  'yaml-syntax', 'yaml-tab', 'duplicate-key', 'yaml-multiple-documents', 'yaml-undefined-alias', 'yaml-alias-limit', 'yaml-nesting', 'yaml-warning',
  'empty-file', 'not-a-mapping', 'required', 'type', 'enum', 'empty', 'max-length', 'range', 'min-items',
  ...CAMPAIGN_RULES.flatMap((rule) => rule.codes),
];
