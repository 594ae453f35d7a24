// How the CLI writes what the platform said: a 400's messages on the lines of the fields they
// name (file:line:col, as validate prints), and outcomes as JSON for --format json.
import { normaliseFieldName, rangeForField, type ParsedCampaign } from '../../core/src';
import type { PlatformError, PlatformFailure } from '../../platform/src';

export function location(file: string, d: { range: { start: { line: number; character: number } } }): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

/** One line per platform error, at the field it names (the top of the file when it names none). */
export function platformErrorLines(parsed: ParsedCampaign, shownName: string, errors: readonly PlatformError[]): string {
  return errors
    .map((error) => {
      const where = rangeForField(parsed, error.field);
      const field = error.field ? ` (${normaliseFieldName(error.field)})` : '';
      return `${location(shownName, where)} error ${error.message}${field} [platform]\n`;
    })
    .join('');
}

/** A failure as --format json shows it: what, the HTTP status, the message (already redacted). */
export function failureJson(failure: PlatformFailure): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: failure.kind, message: failure.message };
  if (failure.status !== undefined) out.status = failure.status;
  if ('errors' in failure && failure.errors.length) out.errors = failure.errors;
  return out;
}
