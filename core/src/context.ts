import { withoutComment } from './lineText';
import type { KnownContactLists } from './knownContactLists';
import { locate, type FieldPath, type Located, type ParsedCampaign } from './parse';
import { formatPath, valueAt } from './fieldPaths';
import type { CampaignDiagnostic, Fix, Range, Severity } from './types';
import { DIAGNOSTIC_SOURCE } from './types';
import type { ProblemCollector } from './problemCollector';
import { Problem } from './problem';

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

class ReportedProblem extends Problem {
  constructor(
    private readonly context: ValidationContext,
    private readonly report: Report,
    private readonly located: Located | undefined,
    start: number,
    /** Where the underline ends; -1: at the end of the start's line, comments excluded. */
    private readonly end: number,
  ) {
    super(report.code, report.severity, start);
  }
  diagnostic(): CampaignDiagnostic {
    const { report, located } = this;
    const lines = this.context.parsed.lines;
    const range = this.end === -1 ? this.context.firstLine(this.start) : lines.range(this.start, this.end);
    const fixes = located && report.fixes ? report.fixes(located) : undefined;
    return {
      range,
      severity: this.severity,
      code: report.code,
      message: report.message,
      source: DIAGNOSTIC_SOURCE,
      path: formatPath(report.path),
      ...(fixes && fixes.length ? { fixes } : {}),
    };
  }
}

/** What a rule sees: the parsed file, the campaign as data, and a way to report at a field. */
export class ValidationContext {
  constructor(
    readonly parsed: ParsedCampaign,
    readonly campaign: Record<string, unknown>,
    private readonly problems: ProblemCollector,
    /** The active connection's contact lists, only when they are known (never guessed while signed out or offline). */
    readonly contactLists?: KnownContactLists,
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
    const [start, end] = located ? spanFor(located, report.target ?? 'value') : [0, 0];
    this.problems.add(new ReportedProblem(this, report, located, start, end));
  }

  /** From `offset` to the end of its line, trailing spaces and comments excluded. */
  firstLine(offset: number): Range {
    const { lines } = this.parsed;
    const line = lines.positionAt(offset).line;
    const text = lines.lineText(line);
    const startChar = offset - lines.lineStart(line);
    const rest = withoutComment(text.slice(startChar)).trimEnd();
    return { start: { line, character: startChar }, end: { line, character: startChar + rest.length } };
  }
}

/** The offsets a diagnostic at `located` underlines; an end of -1 means to the end of the start's line. */
function spanFor(located: Located, target: Target): [number, number] {
  const [start, end] = located.reportRange;
  const key = located.keyRange;
  if ((target === 'key' || target === 'keyOrValue') && key) {
    if (target === 'key' || end <= start) return [key[0], key[1]];
  }
  if (target === 'key' && !key) return [start, -1];
  if (target === 'firstLine') return key && !located.viaAlias ? [key[0], key[1]] : [start, -1];
  // An empty value (`name:`) has no text to underline: use the key.
  if (end <= start && key) return [key[0], key[1]];
  return [start, end];
}
