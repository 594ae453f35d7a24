// The default output: one line per problem (`file:line:col severity message [code]`) and a summary.
import { summaryLine, type ValidationReport } from './report';

export function formatText(report: ValidationReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      lines.push(
        file.notChecked
          ? `${d.severity} ${d.message} [${d.code}]`
          : `${file.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.code}]`,
      );
    }
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}
