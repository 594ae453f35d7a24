import type { CampaignDiagnostic, Severity } from './types';

/**
 * A problem as validation found it. A file can have thousands of problems of which an editor
 * shows the first thousand (`validateCampaignLimited`), so a reported problem keeps only what
 * ordering and ranking need (its start in the text, code, severity); its range, path and quick
 * fixes are built by `diagnostic()`, for the problems that are kept. On a file with tens of
 * thousands of problems that is most of validation's garbage, and with it most of its time.
 */
export abstract class Problem {
  constructor(
    readonly code: string,
    /** Settings may change it (`koreCampaign.validate.*`) before the diagnostic is built. */
    public severity: Severity,
    /** Where the underline starts (an offset into the text): document order without a range. */
    readonly start: number,
  ) {}
  /** The order in which validation found it (ties in document order keep it). */
  sequence = 0;
  abstract diagnostic(): CampaignDiagnostic;
}

/** A diagnostic built already (YAML problems: a handful, capped). */
export class BuiltProblem extends Problem {
  constructor(
    private readonly built: CampaignDiagnostic,
    start: number,
  ) {
    super(built.code, built.severity, start);
  }
  diagnostic(): CampaignDiagnostic {
    return this.severity === this.built.severity ? this.built : { ...this.built, severity: this.severity };
  }
}
