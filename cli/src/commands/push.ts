// `kore-campaign push <file>`: the extension's push for CI pipelines, with the same request,
// retries and messages (all from platform/src). Configuration comes from the environment so
// secrets stay out of shell history and CI logs.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { preparePush } from '../../../core/src';
import {
  checkCampaignId,
  normaliseHost,
  preparePushRequest,
  pushCampaign,
  Redactor,
  secretsOf,
  unsafeEnvironment,
  DEFAULT_TIMEOUT_MS,
  type PushProgress,
} from '../../../platform/src';
import { EXIT_FOR_FAILURE, PUSH_EXIT } from '../exitCodes';
import type { CommandIO } from '../io';
import { configFromEnv, ENVIRONMENT_HELP } from '../platformConfig';
import { planJson } from '../planReport';
import { planBeforePush } from '../pushPlan';
import { failureJson, location, platformErrorLines } from '../report';
import { withInterrupt } from '../session';
import { commandValidationOptions, NO_SETTINGS_FLAG } from '../settings';

export { PUSH_EXIT } from '../exitCodes';
export { configFromEnv } from '../platformConfig';

export const PUSH_USAGE = `Usage: kore-campaign push <file> [--dry-run] [--force] [--format text|json] [--campaign-id ID] [--timeout SECONDS] [--verbose] [--no-settings]

Validates <file> (as validate does, under the same settings), plans (reads the campaign and
prints what would change), then sends it to the platform (PUT .../campaign/{campaignId}?campaignType=voice).
When nothing would change, nothing is sent. A campaign that is Active on the platform is not
overwritten without --force.

${ENVIRONMENT_HELP}

Options:
  --dry-run          print the exact request (token redacted) and send nothing (no plan either)
  --force            push even when the campaign is Active on the platform
  --format json      print the plan and the result as one JSON object on stdout
  --campaign-id ID   the campaign to update when the file has no campaignId (or to override it)
  --timeout SECONDS  per try (default ${DEFAULT_TIMEOUT_MS / 1000})
  --verbose          print the request log (redacted) to stderr
  --no-settings      ignore koreCampaign.validate.* in .vscode/settings.json

Exit codes: 0 pushed (or dry run printed), 1 the file has errors, 2 bad usage or configuration,
3 refused by the platform (400), 4 credentials rejected (401/403), 5 no such campaign (404),
6 unavailable/network error/timeout (try again later), 7 unexpected answer, 9 the campaign is
Active on the platform (nothing sent; --force overrides), 130 interrupted.`;

interface PushArgs {
  file: string;
  dryRun: boolean;
  campaignId?: string;
  timeoutMs: number;
  verbose: boolean;
  force: boolean;
  format: 'text' | 'json';
  useSettings: boolean;
}

function parseArgs(args: string[]): PushArgs | string {
  const parsed: Partial<PushArgs> & { dryRun: boolean; verbose: boolean; timeoutMs: number; force: boolean; format: 'text' | 'json'; useSettings: boolean } = {
    dryRun: false,
    verbose: false,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    force: false,
    format: 'text',
    useSettings: true,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--dry-run') parsed.dryRun = true;
    else if (flag === '--verbose' || flag === '-v') parsed.verbose = true;
    else if (flag === '--force') parsed.force = true;
    else if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json') return `--format takes text or json, not ${format ?? 'nothing'}.`;
      parsed.format = format;
    } else if (flag === NO_SETTINGS_FLAG) parsed.useSettings = false;
    else if (flag === '--campaign-id') {
      const id = value();
      if (!id) return '--campaign-id needs a value.';
      parsed.campaignId = id;
    } else if (flag === '--timeout') {
      const seconds = Number(value());
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) return '--timeout takes a number of seconds between 1 and 600.';
      parsed.timeoutMs = seconds * 1000;
    } else if (flag.startsWith('-')) return `unknown option ${arg}`;
    else if (parsed.file) return `push takes one file; got ${parsed.file} and ${arg}.`;
    else parsed.file = arg;
  }
  if (!parsed.file) return 'name the campaign file to push.';
  return parsed as PushArgs;
}


export async function run(args: string[], io: CommandIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${PUSH_USAGE}\n`);
    return PUSH_EXIT.ok;
  }
  const parsedArgs = parseArgs(args);
  if (typeof parsedArgs === 'string') {
    io.stderr(`kore-campaign push: ${parsedArgs}\n\n${PUSH_USAGE}\n`);
    return PUSH_EXIT.usage;
  }
  const cwd = io.cwd ?? process.cwd();
  const shownName = path.relative(cwd, path.resolve(cwd, parsedArgs.file)) || parsedArgs.file;
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, parsedArgs.file), 'utf8');
  } catch (error) {
    io.stderr(`kore-campaign push: cannot read ${shownName}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return PUSH_EXIT.usage;
  }

  const prepared = preparePush(text, await commandValidationOptions('push', parsedArgs.useSettings, io));
  for (const d of prepared.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')) {
    io.stderr(`${location(shownName, d)} ${d.severity} ${d.message} [${d.code}]\n`);
  }
  if (!prepared.ok) {
    const count = prepared.errors.length;
    io.stderr(`kore-campaign push: ${shownName} has ${count} error${count === 1 ? '' : 's'}; nothing was sent.\n`);
    return PUSH_EXIT.invalidFile;
  }
  const { parsed, body } = prepared;
  const campaignId = parsedArgs.campaignId ?? prepared.campaignId;
  if (campaignId === undefined) {
    io.stderr(`kore-campaign push: ${shownName} has no campaignId. Add "campaignId: cd-..." to the file or pass --campaign-id.\n`);
    return PUSH_EXIT.usage;
  }
  const badId = checkCampaignId(campaignId);
  if (badId) {
    io.stderr(`kore-campaign push: ${badId}\n`);
    return PUSH_EXIT.usage;
  }

  const config = configFromEnv(io.env);
  if ('problems' in config) {
    for (const problem of config.problems) io.stderr(`kore-campaign push: ${problem}\n`);
    io.stderr('Nothing was sent. See kore-campaign push --help.\n');
    return PUSH_EXIT.usage;
  }
  if (config.note) io.stderr(`kore-campaign push: ${config.note}\n`);
  const input = { connection: config.connection, credentials: config.credentials, campaignId: campaignId as string, body };

  if (parsedArgs.dryRun) {
    const unsafe = unsafeEnvironment(io.env, normaliseHost(config.connection.host).loopback);
    if (unsafe) {
      io.stderr(`kore-campaign push: ${unsafe}\n`);
      return PUSH_EXIT.usage;
    }
    const request = await preparePushRequest(input);
    const redactor = new Redactor([...secretsOf(config.credentials), request.headers.auth]);
    const lines = [`${request.method} ${request.url}`];
    for (const [name, value] of Object.entries(redactor.headers(request.headers))) lines.push(`${name}: ${value}`);
    lines.push('', request.body);
    io.stdout(`${lines.join('\n')}\n`);
    io.stderr(`kore-campaign push: dry run, nothing was sent (the token, ${config.credentials.kind === 'client' ? 'minted with KORE_CLIENT_ID/KORE_CLIENT_SECRET' : 'from KORE_JWT'}, is redacted).\n`);
    return PUSH_EXIT.ok;
  }

  return withInterrupt(async (signal) => {
    const options = {
      signal,
      timeoutMs: parsedArgs.timeoutMs,
      env: io.env,
      subject: 'kore-campaign-cli',
      log: parsedArgs.verbose ? (line: string) => io.stderr(`${line}\n`) : undefined,
      onProgress: (progress: PushProgress) => {
        if (progress.kind === 'waiting') io.stderr(`kore-campaign push: ${progress.message}\n`);
      },
    };
    const planned = await planBeforePush(io, input, { shownName, force: parsedArgs.force, format: parsedArgs.format, options });
    if ('exitCode' in planned) return planned.exitCode;
    const outcome = await pushCampaign(input, options);
    const exitCode = outcome.kind === 'success' ? PUSH_EXIT.ok : EXIT_FOR_FAILURE[outcome.kind];
    if (parsedArgs.format === 'json') {
      const result = outcome.kind === 'success' ? { result: 'pushed', message: outcome.message } : { result: 'failed', stage: 'push', failure: failureJson(outcome) };
      io.stdout(`${JSON.stringify({ file: shownName, campaignId: input.campaignId, ...result, plan: planJson(planned.plan), exitCode }, null, 2)}\n`);
      return exitCode;
    }
    if (outcome.kind === 'success') {
      io.stdout(`${outcome.message}\n`);
      return exitCode;
    }
    io.stderr(`kore-campaign push: ${outcome.message}\n`);
    if (outcome.kind === 'invalid') io.stderr(platformErrorLines(parsed, shownName, outcome.errors));
    return exitCode;
  });
}
