// What the server writes to its output channel (`connection.console`, shown in the
// "Kore.ai Campaigns (language server)" channel). A campaign's text never goes there: only
// file names, settings, timings and where an exception was thrown.
import type { RemoteConsole } from 'vscode-languageserver';

/**
 * Validations slower than this are logged, with the file's name and size in lines.
 * `KORE_CAMPAIGN_SLOW_VALIDATION_MS` changes it (0 logs every validation, for a test or a hunt).
 */
export const SLOW_VALIDATION_MS = thresholdFromEnvironment('KORE_CAMPAIGN_SLOW_VALIDATION_MS') ?? 250;

/** A number from the environment, where there is one (not in a browser). */
function thresholdFromEnvironment(name: string): number | undefined {
  const text = typeof process === 'undefined' ? undefined : process.env?.[name];
  const value = text === undefined || text === '' ? NaN : Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Where the server runs, for the start line (a browser has no `process`). */
export function runtimeDescription(): string {
  return typeof process === 'undefined' ? 'in a browser' : `Node ${process.version}, pid ${process.pid}`;
}

/** The last segment of a document URI: enough to find the file, nothing of its content. */
export function fileNameOf(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * An exception for the log: its type and stack frames, not its message, since a message can
 * quote the text being parsed.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8);
  return [error.name, ...frames].join('\n');
}

export function logCaught(console: RemoteConsole, what: string, uri: string, error: unknown): void {
  console.error(`${what} ${fileNameOf(uri)} failed: ${describeError(error)}`);
}
