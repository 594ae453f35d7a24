// What `validate` found, in one shape every output format reads. A file that could not be
// checked (missing, not text, too large, ...) is reported like a problem in it, with its own
// code, so every format shows it and every count includes it.
import * as path from 'node:path';
import type { CampaignDiagnostic, Severity } from '../../../core/src';

/** Codes for inputs that could not be checked; they exit 2 (bad usage), not 1. */
export const INPUT_CODES = {
  unreadable: 'unreadable-file',
  noCampaignFiles: 'no-campaign-files',
} as const;

export interface ReportDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  path?: string;
}

export interface FileReport {
  /** As the user named it, or relative to the working folder when found in a folder or glob. */
  file: string;
  /** Relative to the working folder with forward slashes (SARIF and GitHub annotations want this). */
  relative: string;
  diagnostics: ReportDiagnostic[];
  /** Set when the input was not checked at all. */
  notChecked?: boolean;
}

export interface ValidationReport {
  files: FileReport[];
  errors: number;
  warnings: number;
  /** Inputs that could not be checked (each also counted in `errors`). */
  notChecked: number;
}

export function fromCampaignDiagnostic(d: CampaignDiagnostic): ReportDiagnostic {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.path ? { path: d.path } : {}),
  };
}

export function inputProblem(file: string, relative: string, code: string, message: string): FileReport {
  return {
    file,
    relative,
    notChecked: true,
    diagnostics: [{ line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code, message }],
  };
}

export function summarise(files: FileReport[]): ValidationReport {
  let errors = 0;
  let warnings = 0;
  for (const f of files) for (const d of f.diagnostics) d.severity === 'error' ? errors++ : d.severity === 'warning' && warnings++;
  return { files, errors, warnings, notChecked: files.filter((f) => f.notChecked).length };
}

/** `2 files checked: 1 error, 0 warnings.` (and the inputs that were not checked). */
export function summaryLine(report: ValidationReport): string {
  const checked = report.files.length - report.notChecked;
  const notChecked = report.notChecked ? `, ${plural(report.notChecked, 'input')} not checked` : '';
  return `${plural(checked, 'file')} checked${notChecked}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}.`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function relativeTo(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute).split(path.sep).join('/');
}
