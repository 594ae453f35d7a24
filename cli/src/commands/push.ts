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
  type PushInput,
  type PushProgress,
} from '../../../platform/src';
import { parsePlatformCommand, usageError } from '../args';
import { EXIT, EXIT_FOR_FAILURE } from '../exitCodes';
import { relativeTo } from '../formats/report';
import type { CommandIO } from '../io';
import { ENVIRONMENT_HELP } from '../platformConfig';
import { planJson } from '../planReport';
import { planBeforePush } from '../pushPlan';
import { failureJson, location, platformErrorLines } from '../report';
import { openSession, withInterrupt } from '../session';
import { readCampaignFile } from '../readCampaignFile';
import { commandValidationOptions } from '../settings';

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
  // --format, --timeout and --no-settings are the platform options every such command shares.
  options: {
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    'campaign-id': { type: 'string' },
  },
  concurrency: false,
} as const;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const parsed = parsePlatformCommand(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, common } = parsed;
  if (positionals.length === 0) return usageError(SPEC, io, 'name the campaign file to push.');
  if (positionals.length > 1) return usageError(SPEC, io, `push takes one file; got ${positionals.join(', ')}.`);
  if (values['campaign-id'] !== undefined && !values['campaign-id'].trim()) return usageError(SPEC, io, '--campaign-id needs a value.');
  const file = positionals[0];
  const quiet = values.quiet ?? false;
  // The path as the user gave it: that is what they can find in their own shell or CI log. An
  // absolute path inside the working folder is shown relative to it, as plan shows it.
  const shownName = path.isAbsolute(file) ? relativeTo(io.cwd, file) : file;
  const read = await readCampaignFile(path.resolve(io.cwd, file));
  if ('problem' in read) {
    io.stderr(`kore-campaign push: ${shownName} ${read.problem}. Nothing was sent.\n`);
    return EXIT.usage;
  }

  const prepared = preparePush(read.text, await commandValidationOptions('push', common.useSettings, io));
  for (const d of prepared.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')) {
    io.stderr(`${location(shownName, d)} ${d.severity} ${d.message} [${d.code}]\n`);
  }
  if (!prepared.ok) {
    const count = prepared.errors.length;
    io.stderr(`kore-campaign push: ${shownName} has ${count} error${count === 1 ? '' : 's'}; nothing was sent.\n`);
    return EXIT.problems;
  }
  const { body } = prepared;
  const campaignId = values['campaign-id'] ?? prepared.campaignId;
  if (campaignId === undefined) {
    io.stderr(`kore-campaign push: ${shownName} has no campaignId. Add "campaignId: cd-..." to the file or pass --campaign-id.\n`);
    return EXIT.usage;
  }
  const badId = checkCampaignId(campaignId);
  if (badId) {
    io.stderr(`kore-campaign push: ${badId}\n`);
    return EXIT.usage;
  }

  return withInterrupt(async (signal) => {
    const session = openSession(io, 'push', common, signal);
    if (!session) return EXIT.usage;
    const input = { ...session.target, campaignId: campaignId as string, body };
    if (values['dry-run']) return dryRun(io, input);
    const options = {
      ...session.options,
      onProgress: (progress: PushProgress) => {
        // A pacing wait under 1.5 s reads as latency; a retry's wait is always said.
        if (progress.kind === 'waiting' || (progress.kind === 'paced' && progress.delayMs >= 1500))
          io.stderr(`kore-campaign push: ${progress.message}\n`);
      },
    };
    // --quiet: the plan is not printed either; problems still go to stderr.
    const planIO = quiet && common.format === 'text' ? { ...io, stdout: () => {} } : io;
    const planned = await planBeforePush(planIO, input, { shownName, force: values.force ?? false, format: common.format, options });
    if ('exitCode' in planned) return planned.exitCode;
    const outcome = await pushCampaign(input, options);
    const exitCode = outcome.kind === 'success' ? EXIT.ok : EXIT_FOR_FAILURE[outcome.kind];
    if (common.format === 'json') {
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
      if (!quiet) io.stdout(`${outcome.message}\n`);
      return exitCode;
    }
    io.stderr(`kore-campaign push: ${outcome.message}\n`);
    if (outcome.kind === 'invalid') io.stderr(platformErrorLines(prepared.parsed, shownName, outcome.errors));
    return exitCode;
  });
}

/** --dry-run: the exact request, its token redacted, on stdout; nothing is sent. */
async function dryRun(io: CommandIO, input: PushInput): Promise<number> {
  const unsafe = unsafeEnvironment(io.env, normaliseHost(input.connection.host).loopback);
  if (unsafe) {
    io.stderr(`kore-campaign push: ${unsafe}\n`);
    return EXIT.usage;
  }
  const request = await preparePushRequest(input);
  const redactor = new Redactor([...secretsOf(input.credentials), request.headers.auth]);
  const lines = [`${request.method} ${request.url}`];
  for (const [name, value] of Object.entries(redactor.headers(request.headers))) lines.push(`${name}: ${value}`);
  lines.push('', request.body);
  io.stdout(`${lines.join('\n')}\n`);
  io.stderr(
    `kore-campaign push: dry run, nothing was sent (the token, ${input.credentials.kind === 'client' ? 'minted with KORE_CLIENT_ID/KORE_CLIENT_SECRET' : 'from KORE_JWT'}, is redacted).\n`,
  );
  return EXIT.ok;
}
