// The core's vocabulary. Deliberately free of `vscode` and LSP types so that the language
// server, the command line and the tests share one implementation; the shapes mirror LSP's
// (0-based lines, UTF-16 characters) so the server converts them without arithmetic.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A repair the editor can offer for a diagnostic (a quick fix). */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The obvious fix: offered as preferred and applied by "Fix all". */
  preferred?: boolean;
}

export interface CampaignDiagnostic {
  range: Range;
  severity: Severity;
  /** Stable identifier of the rule, e.g. `enum`, `required`, `time-order`. */
  code: string;
  message: string;
  source: 'kore-campaign';
  /** Where in the campaign the problem is, as the API names it: `dialingStrategy.callingHours.days[0].start`. */
  path?: string;
  /** Repairs, computed with the diagnostic so code actions need no second analysis. */
  fixes?: Fix[];
}

export const DIAGNOSTIC_SOURCE = 'kore-campaign' as const;
