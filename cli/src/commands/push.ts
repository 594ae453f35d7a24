// `kore-campaign push <file>`: the extension's push for CI pipelines, with the same request,
// retries and messages (all from platform/src). Configuration comes from the environment so
// secrets stay out of shell history and CI logs.
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
import { numberOption, parseCommandArgs, usageError } from '../args';
import { EXIT_FOR_FAILURE, PUSH_EXIT } from '../exitCodes';
import { relativeTo } from '../formats/report';
import type { CommandIO } from '../io';
import { configFromEnv, ENVIRONMENT_HELP } from '../platformConfig';
import { planJson } from '../planReport';
import { planBeforePush } from '../pushPlan';
import { failureJson, location, platformErrorLines } from '../report';
import { withInterrupt } from '../session';
import { readCampaignFile } from '../readCampaignFile';
import { commandValidationOptions } from '../settings';

export { PUSH_EXIT } from '../exitCodes';
export { configFromEnv } from '../platformConfig';

export const PUSH_USAGE = `Usage: kore-campaign push [options] <file>

Validates <file> (as validate does, under the same settings), plans (reads the campaign and
prints what would change), then sends it to the platform (PUT .../campaign/{campaignId}?campaignType=voice).
When nothing would change, nothing is sent. A campaign that is Active on the platform is not
overwritten without --force.

${ENVIRONMENT_HELP}

Options:
  --dry-run          print the exact request (token redacted) and send nothing (no plan either)
  --force            push even when the campaign is Active on the platform
  --format FORMAT    text (default) or json: the plan and the result as one JSON object on stdout
  --campaign-id ID   the campaign to update when the file has no campaignId (or to override it)
  --timeout SECONDS  per try (default ${DEFAULT_TIMEOUT_MS / 1000})
  -v, --verbose      print the request log (redacted) to stderr
  -q, --quiet        print nothing when the push succeeds
  --no-settings      ignore koreCampaign.validate.* in .vscode/settings.json
  -h, --help         this help

Exit codes: 0 pushed (or dry run printed), 1 the file has errors, 2 bad usage or configuration,
3 refused by the platform (400), 4 credentials rejected (401/403), 5 no such campaign (404),
6 unavailable/network error/timeout (try again later), 7 unexpected answer, 9 the campaign is
Active on the platform (nothing sent; --force overrides), 130 interrupted.

Examples:
  KORE_HOST=platform.kore.ai KORE_IID=st-... KORE_ACCOUNT_ID=... \\
  KORE_CLIENT_ID=cs-... KORE_CLIENT_SECRET=... kore-campaign push campaigns/billing.campaign.yaml
  kore-campaign push --dry-run campaigns/billing.campaign.yaml
  kore-campaign push --campaign-id cd-ed19e3c7-3682-5e72-a839-af9e07110001 billing.campaign.yaml`;

const SPEC = {
  name: 'push',
  usage: PUSH_USAGE,
  options: {
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    format: { type: 'string' },
    'campaign-id': { type: 'string' },
    timeout: { type: 'string' },
    'no-settings': { type: 'boolean' },
  },
} as const;

interface PushArgs {
  file: string;
  dryRun: boolean;
  campaignId?: string;
  timeoutMs: number;
  verbose: boolean;
  quiet: boolean;
  force: boolean;
  format: 'text' | 'json';
  useSettings: boolean;
}

function pushArgs(args: string[], io: CommandIO): PushArgs | number {
  const parsed = parseCommandArgs(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) return usageError(SPEC, io, 'name the campaign file to push.');
  if (positionals.length > 1) return usageError(SPEC, io, `push takes one file; got ${positionals.join(', ')}.`);
  if (values['campaign-id'] !== undefined && !values['campaign-id'].trim()) return usageError(SPEC, io, '--campaign-id needs a value.');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(SPEC, io, `--format takes text or json, not "${format}".`);
  const seconds = numberOption('timeout', values.timeout, 0, 600);
  if (typeof seconds === 'string') return usageError(SPEC, io, seconds);
  return {
    file: positionals[0],
    dryRun: values['dry-run'] ?? false,
    campaignId: values['campaign-id'],
    timeoutMs: seconds === undefined ? DEFAULT_TIMEOUT_MS : seconds * 1000,
    verbose: values.verbose ?? false,
    quiet: values.quiet ?? false,
    force: values.force ?? false,
    format,
    useSettings: !values['no-settings'],
  };
}

export async function run(args: string[], io: CommandIO): Promise<number> {
  const parsedArgs = pushArgs(args, io);
  if (typeof parsedArgs === 'number') return parsedArgs;
  // The path as the user gave it: that is what they can find in their own shell or CI log. An
  // absolute path inside the working folder is shown relative to it, as plan shows it.
  const shownName = path.isAbsolute(parsedArgs.file) ? relativeTo(io.cwd, parsedArgs.file) : parsedArgs.file;
  const read = await readCampaignFile(path.resolve(io.cwd, parsedArgs.file));
  if ('problem' in read) {
    io.stderr(`kore-campaign push: ${shownName} ${read.problem}. Nothing was sent.\n`);
    return PUSH_EXIT.usage;
  }
  const text = read.text;

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
    io.stderr(
      `kore-campaign push: dry run, nothing was sent (the token, ${config.credentials.kind === 'client' ? 'minted with KORE_CLIENT_ID/KORE_CLIENT_SECRET' : 'from KORE_JWT'}, is redacted).\n`,
    );
    return PUSH_EXIT.ok;
  }

  return withInterrupt(async (signal) => {
    const options = {
      signal,
      timeoutMs: parsedArgs.timeoutMs,
      env: io.env,
      subject: 'kore-campaign-cli',
      // The plan's read and the PUT share the account's budget (KORE_REQUESTS_PER_MINUTE).
      budget: config.budget,
      log: parsedArgs.verbose ? (line: string) => io.stderr(`${line}\n`) : undefined,
      onProgress: (progress: PushProgress) => {
        // A pacing wait under 1.5 s reads as latency; a retry's wait is always said.
        if (progress.kind === 'waiting' || (progress.kind === 'paced' && progress.delayMs >= 1500))
          io.stderr(`kore-campaign push: ${progress.message}\n`);
      },
    };
    // --quiet: the plan is not printed either; problems still go to stderr.
    const planIO = parsedArgs.quiet && parsedArgs.format === 'text' ? { ...io, stdout: () => {} } : io;
    const planned = await planBeforePush(planIO, input, { shownName, force: parsedArgs.force, format: parsedArgs.format, options });
    if ('exitCode' in planned) return planned.exitCode;
    const outcome = await pushCampaign(input, options);
    const exitCode = outcome.kind === 'success' ? PUSH_EXIT.ok : EXIT_FOR_FAILURE[outcome.kind];
    if (parsedArgs.format === 'json') {
      const result =
        outcome.kind === 'success'
          ? { result: 'pushed', message: outcome.message }
          : { result: 'failed', stage: 'push', failure: failureJson(outcome) };
      io.stdout(
        `${JSON.stringify({ file: shownName, campaignId: input.campaignId, ...result, plan: planJson(planned.plan), exitCode }, null, 2)}\n`,
      );
      return exitCode;
    }
    if (outcome.kind === 'success') {
      if (!parsedArgs.quiet) io.stdout(`${outcome.message}\n`);
      return exitCode;
    }
    io.stderr(`kore-campaign push: ${outcome.message}\n`);
    if (outcome.kind === 'invalid') io.stderr(platformErrorLines(parsed, shownName, outcome.errors));
    return exitCode;
  });
}
