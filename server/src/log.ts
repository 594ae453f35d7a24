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

/**
 * The last segment of a document URI: enough to find the file, nothing of its content. A query
 * or fragment is dropped: a virtual file system's URI may carry a token there.
 */
export function fileNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/s, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
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
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8);
  return [error.name, ...frames].join('\n');
}

/**
 * A handler that cannot throw: an exception (or a rejected promise) is logged as an error with
 * the handler's name, the file's name and the stack, and the handler answers nothing (`undefined`,
 * which a request's answer carries as null; a notification has no answer). Every feature
 * request allows null ("nothing here"). An error answer would make VS Code's language client
 * pop up "Request ... failed" as an error notification, again on every keystroke that triggers
 * the request; yaml-language-server likewise catches in each service and answers empty. The
 * log keeps what is needed to find the bug.
 */
export function logExceptions<A extends unknown[], R>(
  console: RemoteConsole,
  name: string,
  handler: (...args: A) => R,
): (...args: A) => R | undefined {
  return (...args: A) => {
    const failed = (error: unknown): undefined => {
      const uri = documentUriOf(args[0]);
      console.error(`${name} failed${uri === undefined ? '' : ` for ${fileNameOf(uri)}`}: ${describeError(error)}`);
      return undefined;
    };
    try {
      const result = handler(...args);
      return result instanceof Promise ? (result.catch(failed) as R) : result;
    } catch (error) {
      return failed(error);
    }
  };
}

/** `logExceptions` bound to one console: `const guarded = guardedBy(connection.console)`. */
export function guardedBy(
  console: RemoteConsole,
): <A extends unknown[], R>(name: string, handler: (...args: A) => R) => (...args: A) => R | undefined {
  return (name, handler) => logExceptions(console, name, handler);
}

/** The document a handler was called for: LSP params (`textDocument.uri`), a document event (`document.uri`) or a document. */
function documentUriOf(first: unknown): string | undefined {
  const value = first as { textDocument?: { uri?: unknown }; document?: { uri?: unknown }; uri?: unknown } | null | undefined;
  const uri = value?.textDocument?.uri ?? value?.document?.uri ?? value?.uri;
  return typeof uri === 'string' ? uri : undefined;
}
