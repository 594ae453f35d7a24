import { ValidationContext } from './context';
import { BuiltProblem, type Problem } from './problem';
import { ProblemCollector } from './problemCollector';
import type { KnownContactLists } from './knownContactLists';
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
  /** The most problems an editor is sent (`koreCampaign.validate.maxProblems`): read by `validateCampaignLimited`'s callers; `validateCampaign` reports all. */
  maxProblems?: number;
  /** The platform's contact lists, only when known: without them no contact-list name is checked. */
  contactLists?: KnownContactLists;
}

/** Every problem in a campaign file, in document order. Pure and synchronous; never throws on any input. */
export function validateCampaign(parsed: ParsedCampaign, options: ValidationOptions = {}): CampaignDiagnostic[] {
  return problems(parsed, options, new ProblemCollector(Infinity, options.severities)).problems.map((problem) => problem.diagnostic());
}

/**
 * At most `max` problems: errors first, then warnings, then the rest (each in document
 * order), with how many were left out. Only the kept ones are built into diagnostics.
 */
export function validateCampaignLimited(
  parsed: ParsedCampaign,
  options: ValidationOptions,
  max: number,
): { diagnostics: CampaignDiagnostic[]; omitted: number } {
  const { problems: kept, omitted } = problems(parsed, options, new ProblemCollector(max, options.severities));
  return { diagnostics: kept.map((problem) => problem.diagnostic()), omitted };
}

function problems(
  parsed: ParsedCampaign,
  options: ValidationOptions,
  collector: ProblemCollector,
): { problems: Problem[]; omitted: number } {
  if (options.enable === false) return { problems: [], omitted: 0 };
  const yamlProblems = yamlDiagnostics(parsed);
  for (const diagnostic of yamlProblems) collector.add(new BuiltProblem(diagnostic, parsed.lines.offsetAt(diagnostic.range.start)));
  // Campaign rules need a well-formed mapping: on broken YAML they would only add noise.
  if (yamlProblems.length === 0 && isRecord(parsed.value)) {
    const context = new ValidationContext(parsed, parsed.value, collector, options.contactLists);
    schemaDiagnostics(context);
    for (const rule of CAMPAIGN_RULES) rule.check(context);
  }
  return collector.result();
}

/** Document order; on one position, by code. */
export function compareDiagnostics(a: CampaignDiagnostic, b: CampaignDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}

export function validateText(text: string, options?: ValidationOptions): CampaignDiagnostic[] {
  return validateCampaign(parseCampaign(text), options);
}

/** All codes the validator can produce, for settings and documentation. */
export const RULE_CODES: readonly string[] = [
  'yaml-syntax',
  'yaml-tab',
  'duplicate-key',
  'yaml-multiple-documents',
  'yaml-undefined-alias',
  'yaml-alias-limit',
  'yaml-nesting',
  'yaml-warning',
  'yaml-merge-key',
  'yaml-too-many-problems',
  'file-too-large',
  'empty-file',
  'not-a-mapping',
  'required',
  'type',
  'enum',
  'empty',
  'max-length',
  'range',
  'min-items',
  ...CAMPAIGN_RULES.flatMap((rule) => rule.codes),
];
