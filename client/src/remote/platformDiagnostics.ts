// The platform's field errors (a 400's) as diagnostics on the fields they name, in the push's
// own collection: the language server owns the others, and these go when a push succeeds.
import * as vscode from 'vscode';
import { normaliseFieldName, rangeForField, type ParsedCampaign } from '../../../core/src';
import type { PlatformFailure } from '../../../platform/src';
import { toVsRange } from '../files/campaignId';

/** On the field each error names, or the nearest ancestor present in the parse the body came from. */
export function platformDiagnostics(
  outcome: Extract<PlatformFailure, { kind: 'invalid' }>,
  parsed: ParsedCampaign,
  connectionName: string,
): vscode.Diagnostic[] {
  const errors = outcome.errors.length ? outcome.errors : [{ message: outcome.message, field: undefined }];
  return errors.map((error) => {
    const where = rangeForField(parsed, error.field);
    const field = error.field && !where.exact ? ` (field ${normaliseFieldName(error.field)})` : '';
    const diagnostic = new vscode.Diagnostic(
      toVsRange(where.range),
      `${connectionName}: ${error.message}${field}`,
      vscode.DiagnosticSeverity.Error,
    );
    diagnostic.source = 'Kore.ai platform';
    diagnostic.code = 'push-400';
    return diagnostic;
  });
}
