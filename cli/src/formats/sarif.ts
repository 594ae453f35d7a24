// `--format sarif`: SARIF 2.1.0, the format GitHub code scanning (and other dashboards) import.
// One run; rules carry their help text and default level; results their region. Columns are
// UTF-16 code units, SARIF's default, which is what the core's positions count.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../../core/src';
import { HOMEPAGE, VERSION } from '../version';
import { ruleHelp } from './ruleHelp';
import type { ValidationReport } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(report: ValidationReport, cwd: string): string {
  const codes = [...new Set(report.files.flatMap((f) => f.diagnostics.map((d) => d.code)))].sort();
  const rules = codes.map((code) => {
    const help = ruleHelp(code);
    return {
      id: code,
      name: code.replace(/(^|-)([a-z])/g, (_m, _dash, letter: string) => letter.toUpperCase()),
      shortDescription: { text: help.summary },
      help: { text: help.summary, markdown: `${help.summary}\n\nSee [What is checked](${HOMEPAGE}#what-is-checked).` },
      helpUri: `${HOMEPAGE}#what-is-checked`,
      defaultConfiguration: { level: LEVEL[help.level] },
    };
  });
  const results = report.files.flatMap((file) =>
    file.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: codes.indexOf(d.code),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(file.relative),
            ...(file.notChecked
              ? {}
              : { region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn } }),
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kore-campaign', version: VERSION, semanticVersion: VERSION, informationUri: HOMEPAGE, rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(`${cwd}${path.sep}`).href } },
        invocations: [{ executionSuccessful: report.notChecked === 0 }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Files under the working folder are relative to SRCROOT (what code scanning expects); others absolute. */
function artifactLocation(relative: string): { uri: string; uriBaseId?: string } {
  return path.isAbsolute(relative) ? { uri: pathToFileURL(relative).href } : { uri: encodeURI(relative), uriBaseId: 'SRCROOT' };
}
