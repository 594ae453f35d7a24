// `--format json`: the report as data; `errors` counts inputs that could not be checked too.
import type { ValidationReport } from './report';

export function formatJson(report: ValidationReport): string {
  const files = report.files.map((f) => ({ file: f.file, ...(f.notChecked ? { checked: false } : {}), diagnostics: f.diagnostics }));
  return `${JSON.stringify({ files, errors: report.errors, warnings: report.warnings, notChecked: report.notChecked }, null, 2)}\n`;
}
