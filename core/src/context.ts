import { locate, type FieldPath, type Located, type ParsedCampaign } from './parse';
import { formatPath, valueAt } from './fieldPaths';
import type { CampaignDiagnostic, Fix, Range, Severity } from './types';
import { DIAGNOSTIC_SOURCE } from './types';

/** Which part of a field a diagnostic underlines. */
export type Target = 'key' | 'value' | 'keyOrValue' | 'firstLine';

export interface Report {
  path: FieldPath;
  code: string;
  message: string;
  severity: Severity;
  target?: Target;
  fixes?: (located: Located) => Fix[] | undefined;
}

/** What a rule sees: the parsed file, the campaign as data, and a way to report at a field. */
export class ValidationContext {
  readonly diagnostics: CampaignDiagnostic[] = [];

  constructor(
    readonly parsed: ParsedCampaign,
    readonly campaign: Record<string, unknown>,
  ) {}

  /** The campaign's value at `path`, or undefined where the path does not lead (wrong types on the way). */
  valueAt(path: FieldPath): unknown {
    return valueAt(this.campaign, path);
  }

  locate(path: FieldPath): Located | undefined {
    return locate(this.parsed, path);
  }

  report(report: Report): void {
    const located = this.locate(report.path);
    const range = located ? this.rangeFor(located, report.target ?? 'value') : this.parsed.lines.range(0, 0);
    const fixes = located && report.fixes ? report.fixes(located) : undefined;
    this.diagnostics.push({
      range,
      severity: report.severity,
      code: report.code,
      message: report.message,
      source: DIAGNOSTIC_SOURCE,
      path: formatPath(report.path),
      ...(fixes && fixes.length ? { fixes } : {}),
    });
  }

  rangeFor(located: Located, target: Target): Range {
    const { lines } = this.parsed;
    const [start, end] = located.reportRange;
    if ((target === 'key' || target === 'keyOrValue') && located.keyRange) {
      if (target === 'key' || end <= start) return lines.range(located.keyRange[0], located.keyRange[1]);
    }
    if (target === 'key' && !located.keyRange) return this.firstLine(start);
    if (target === 'firstLine') return located.keyRange && !located.viaAlias ? lines.range(located.keyRange[0], located.keyRange[1]) : this.firstLine(start);
    // An empty value (`name:`) has no text to underline: use the key.
    if (end <= start && located.keyRange) return lines.range(located.keyRange[0], located.keyRange[1]);
    return lines.range(start, end);
  }

  /** From `offset` to the end of its line, trailing spaces and comments excluded. */
  private firstLine(offset: number): Range {
    const { lines } = this.parsed;
    const line = lines.positionAt(offset).line;
    const text = lines.lineText(line);
    const startChar = offset - lines.lineStart(line);
    const rest = text.slice(startChar).replace(/\s+#.*$/, '').trimEnd();
    return { start: { line, character: startChar }, end: { line, character: startChar + rest.length } };
  }
}
