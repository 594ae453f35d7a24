// Arguments of the round-trip commands, read with node:util parseArgs, plus the options they
// share (--format, --concurrency, --timeout, --verbose) checked in one place.
import { parseArgs } from 'node:util';
import { DEFAULT_TIMEOUT_MS } from '../../platform/src';

export const DEFAULT_CONCURRENCY = 4;
/** More would only queue at the platform's rate limit. */
const MAX_CONCURRENCY = 32;

export interface CommonOptions {
  format: 'text' | 'json';
  concurrency: number;
  timeoutMs: number;
  verbose: boolean;
  help: boolean;
  /** False with --no-settings: ignore koreCampaign.validate.* in .vscode/settings.json. */
  useSettings: boolean;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

const COMMON: OptionSpec = {
  format: { type: 'string' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  'no-settings': { type: 'boolean' },
};

export interface ParsedCommand {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  common: CommonOptions;
}

/** The command's arguments, or the sentence that says what is wrong with them. */
export function parseCommand(args: string[], own: OptionSpec): ParsedCommand | string {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...COMMON, ...own }, allowPositionals: true, strict: true });
  } catch (error) {
    return (error as Error).message.replace(/\. To specify a positional.*$/s, '.');
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return `--format takes text or json, not ${String(format)}.`;
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) return `--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}.`;
  const timeoutSeconds = values.timeout === undefined ? DEFAULT_TIMEOUT_MS / 1000 : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 600) return '--timeout takes a number of seconds between 1 and 600.';
  return {
    values,
    positionals: parsed.positionals,
    common: { format, concurrency, timeoutMs: timeoutSeconds * 1000, verbose: values.verbose === true, help: values.help === true, useSettings: values['no-settings'] !== true },
  };
}
