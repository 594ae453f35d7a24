// `--format github` (the default when GITHUB_ACTIONS=true): workflow commands that GitHub turns
// into annotations on the pull request's lines, then the summary as a plain line.
import type { Severity } from '../../../core/src';
import { summaryLine, type ValidationReport } from './report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escaping from GitHub's workflow command syntax: data escapes %, CR, LF; properties also ":" and ",". */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: ValidationReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const where = file.notChecked
        ? [`file=${escapeProperty(file.relative)}`]
        : [
            `file=${escapeProperty(file.relative)}`,
            `line=${d.line}`,
            `col=${d.column}`,
            `endLine=${d.endLine}`,
            `endColumn=${d.endColumn}`,
          ];
      const title = `title=${escapeProperty(`kore-campaign ${d.code}`)}`;
      lines.push(`::${COMMAND[d.severity]} ${[...where, title].join(',')}::${escapeData(d.message)}`);
    }
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}
