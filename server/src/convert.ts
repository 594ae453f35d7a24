// Core shapes -> LSP shapes. The core mirrors LSP's coordinates, so this is naming only.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { CampaignDiagnostic, Severity } from '../../core/src';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `data` carries the fixes and field path so code actions need no second analysis. */
export interface DiagnosticData {
  path?: string;
  fixes?: CampaignDiagnostic['fixes'];
}

export function toLspDiagnostic(diagnostic: CampaignDiagnostic): Diagnostic {
  const data: DiagnosticData = { path: diagnostic.path, fixes: diagnostic.fixes };
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: diagnostic.source,
    message: diagnostic.message,
    data,
  };
}
