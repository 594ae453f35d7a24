import { withoutComment } from './lineText';
import type { KnownContactLists } from './knownContactLists';
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

/**
 * A reported diagnostic's quick fixes, not yet computed: a file can have thousands of problems
 * of which an editor shows the first thousand (`validateCampaignLimited`), so fixes are built
 * only for the diagnostics that are kept. An enumerable symbol, so copies (`{ ...d }`) keep it
 * and JSON never sees it; `withFixes` turns it into the `fixes` field.
 */
export const PENDING_FIXES: unique symbol = Symbol('pendingFixes');

export type PendingDiagnostic = CampaignDiagnostic & { [PENDING_FIXES]?: () => Fix[] | undefined };

/** The diagnostic as callers see it: its fixes computed (when it has any), the pending ones gone. */
export function withFixes(diagnostic: PendingDiagnostic): CampaignDiagnostic {
  const { [PENDING_FIXES]: pending, ...rest } = diagnostic;
  if (!pending) return diagnostic;
  const fixes = pending();
  return fixes && fixes.length ? { ...rest, fixes } : rest;
}

/** What a rule sees: the parsed file, the campaign as data, and a way to report at a field. */
export class ValidationContext {
  readonly diagnostics: PendingDiagnostic[] = [];

  constructor(
    readonly parsed: ParsedCampaign,
    readonly campaign: Record<string, unknown>,
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
    const range = located ? this.rangeFor(located, report.target ?? 'value') : this.parsed.lines.range(0, 0);
    const fixes = report.fixes;
    this.diagnostics.push({
      range,
      severity: report.severity,
      code: report.code,
      message: report.message,
      source: DIAGNOSTIC_SOURCE,
      path: formatPath(report.path),
      ...(located && fixes ? { [PENDING_FIXES]: () => fixes(located) } : {}),
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
    const rest = withoutComment(text.slice(startChar)).trimEnd();
    return { start: { line, character: startChar }, end: { line, character: startChar + rest.length } };
  }
}
