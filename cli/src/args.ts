// One argument parser for every command (node:util parseArgs), so they agree on the things a
// user types without reading the help: `-h/--help`, `-v/--verbose`, `-q/--quiet`, `--name=value`
// and `--name value`, and `--` before file names that start with a dash. A command declares its
// own options and gets back typed values or the usage error to print (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_TIMEOUT_MS } from '../../platform/src';
import { EXIT } from './exitCodes';
import type { CommandIO } from './io';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** The options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean', short: 'v' },
  quiet: { type: 'boolean', short: 'q' },
} as const satisfies OptionSpec;

export interface CommandSpec<O extends OptionSpec> {
  /** `validate`, `push`, ...: named in every message. */
  name: string;
  usage: string;
  options: O;
  /** A command that sends one request at a time (push) takes no --concurrency. */
  concurrency?: false;
}

type Values<O extends OptionSpec> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string;
};

export type Parsed<O extends OptionSpec> = {
  values: Values<O & typeof COMMON_OPTIONS>;
  positionals: string[];
};

/**
 * Parse `args` for one command. Returns the values, or an exit code after printing the help
 * (`--help`: 0) or a usage error (2). `--verbose` with `--quiet` is a usage error: the two ask
 * for opposite things.
 */
export function parseCommandArgs<O extends OptionSpec>(spec: CommandSpec<O>, args: string[], io: CommandIO): Parsed<O> | number {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...COMMON_OPTIONS, ...spec.options }, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(spec, io, plainParseError(error as Error));
  }
  const values = parsed.values as Values<O & typeof COMMON_OPTIONS>;
  if (values.help) {
    io.stdout(`${spec.usage}\n`);
    return EXIT.ok;
  }
  if (values.verbose && values.quiet) return usageError(spec, io, '--verbose and --quiet cannot be used together.');
  return { values, positionals: parsed.positionals };
}

/** Print `kore-campaign <command>: <message>` and where to read more; the usage exit code. */
export function usageError(spec: { name: string }, io: CommandIO, message: string): number {
  io.stderr(`kore-campaign ${spec.name}: ${message}\nRun kore-campaign ${spec.name} --help for the options and examples.\n`);
  return EXIT.usage;
}

/** A whole number within [min, max], or the message saying what was expected. */
export function integerOption(name: string, value: string | undefined, min: number, max: number): number | string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max)
    return `--${name} takes a whole number from ${min} to ${max}, not "${value}".`;
  return Number(value);
}

/** A number (fractions allowed) above `min` and at most `max`, or the message saying what was expected. */
export function numberOption(name: string, value: string | undefined, min: number, max: number): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n <= min || n > max)
    return `--${name} takes a number above ${min} and at most ${max}, not "${value}".`;
  return n;
}

/** parseArgs' messages mention its own API ("To specify an option argument..."); keep the first sentence. */
function plainParseError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message
    .replace(/\. To specify a positional argument.*$/s, '.')
    .replace(/\s+/g, ' ')
    .trim();
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return message.replace(/^Unknown option/, 'unknown option');
  return message;
}

export const DEFAULT_CONCURRENCY = 4;
/** More would only queue at the platform's rate limit. */
const MAX_CONCURRENCY = 32;

/** The options of the commands that talk to the platform (push, pull, plan, create). */
export const PLATFORM_OPTIONS = {
  format: { type: 'string' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  'no-settings': { type: 'boolean' },
} as const satisfies OptionSpec;

/** The help lines of PLATFORM_OPTIONS (and the common ones), for each command's usage. */
export const PLATFORM_OPTIONS_HELP = `  --format FORMAT    text (default) or json: one JSON object on stdout
  --concurrency N    requests at once, 1 to ${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY})
  --timeout SECONDS  per try (default ${DEFAULT_TIMEOUT_MS / 1000})
  --no-settings      ignore koreCampaign.validate.* in .vscode/settings.json
  -v, --verbose      print the request log (redacted) to stderr
  -h, --help         this help`;

export interface CommonOptions {
  format: 'text' | 'json';
  concurrency: number;
  timeoutMs: number;
  verbose: boolean;
  /** False with --no-settings: ignore koreCampaign.validate.* in .vscode/settings.json. */
  useSettings: boolean;
}

/** The platform options checked in one place, or the sentence that says what is wrong with them. */
export function platformOptions(values: Values<typeof PLATFORM_OPTIONS & typeof COMMON_OPTIONS>): CommonOptions | string {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return `--format takes text or json, not "${format}".`;
  const concurrency = integerOption('concurrency', values.concurrency, 1, MAX_CONCURRENCY);
  if (typeof concurrency === 'string') return concurrency;
  const seconds = numberOption('timeout', values.timeout, 0, 600);
  if (typeof seconds === 'string') return seconds;
  return {
    format,
    concurrency: concurrency ?? DEFAULT_CONCURRENCY,
    timeoutMs: seconds === undefined ? DEFAULT_TIMEOUT_MS : seconds * 1000,
    verbose: values.verbose ?? false,
    useSettings: !values['no-settings'],
  };
}

/** parseCommandArgs for a command that talks to the platform: its own options plus PLATFORM_OPTIONS, checked. */
export function parsePlatformCommand<O extends OptionSpec>(
  spec: CommandSpec<O>,
  args: string[],
  io: CommandIO,
): (Parsed<O & typeof PLATFORM_OPTIONS> & { common: CommonOptions }) | number {
  const { concurrency: _concurrency, ...shared } = PLATFORM_OPTIONS;
  const platform = spec.concurrency === false ? shared : PLATFORM_OPTIONS;
  const parsed = parseCommandArgs({ ...spec, options: { ...platform, ...spec.options } }, args, io);
  if (typeof parsed === 'number') return parsed;
  const common = platformOptions(parsed.values as Values<typeof PLATFORM_OPTIONS & typeof COMMON_OPTIONS>);
  if (typeof common === 'string') return usageError(spec, io, common);
  return { ...parsed, common };
}
