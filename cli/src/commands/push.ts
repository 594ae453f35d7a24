// `kore-campaign push <file>`: the extension's push for CI pipelines, with the same request,
// retries and messages (all from platform/src). Configuration comes from the environment so
// secrets stay out of shell history and CI logs.
import * as path from 'node:path';
import { normaliseFieldName, preparePush, rangeForField } from '../../../core/src';
import {
  checkAccountId,
  checkCampaignId,
  checkCredentials,
  checkIid,
  normaliseHost,
  preparePushRequest,
  pushCampaign,
  Redactor,
  secretsOf,
  unsafeEnvironment,
  DEFAULT_TIMEOUT_MS,
  type Connection,
  type Credentials,
  type PushOutcome,
} from '../../../platform/src';
import { numberOption, parseCommandArgs, usageError } from '../args';
import type { CommandIO } from '../io';
import { hostProblem } from '../hostCheck';
import { readCampaignFile } from '../readCampaignFile';
import { commandValidationOptions } from '../settings';

/** Exit codes of `push`; documented in the usage text and docs/push.md. */
export const PUSH_EXIT = {
  ok: 0,
  /** The file has errors (the same checks as `validate`): nothing was sent. */
  invalidFile: 1,
  /** Bad usage, unreadable file, missing or unsafe configuration: nothing was sent. */
  usage: 2,
  /** The platform refused the campaign (HTTP 400). */
  rejected: 3,
  /** The platform rejected the credentials (HTTP 401/403). */
  credentials: 4,
  /** No campaign with that id (HTTP 404). */
  notFound: 5,
  /** Worth trying again later: 429/502/503/504 on every try, network error or timeout. */
  unavailable: 6,
  /** Any other answer (an unexpected status or body). */
  unexpected: 7,
  /** Interrupted (Ctrl+C). */
  cancelled: 130,
} as const;

export const PUSH_USAGE = `Usage: kore-campaign push [options] <file>

Validates <file> (as validate does, under the same settings) and sends it to the platform (PUT .../campaign/{campaignId}?campaignType=voice).

Environment:
  KORE_HOST          platform host, e.g. platform.kore.ai or https://platform.kore.ai (https only;
                     http only to this machine, with the scheme: http://127.0.0.1:4777)
  KORE_IID           application id (st-...)
  KORE_ACCOUNT_ID    account id
  KORE_CLIENT_ID     Client ID and Client Secret of a JWT app with the Campaign Management scope
  KORE_CLIENT_SECRET   (a fresh short-lived token is minted for every request), or
  KORE_JWT           a ready JWT, sent as it is

Options:
  --dry-run          print the exact request (token redacted) and send nothing
  --campaign-id ID   the campaign to update when the file has no campaignId (or to override it)
  --timeout SECONDS  per try (default ${DEFAULT_TIMEOUT_MS / 1000})
  -v, --verbose      print the request log (redacted) to stderr
  -q, --quiet        print nothing when the push succeeds
  --no-settings      ignore koreCampaign.validate.* in .vscode/settings.json
  -h, --help         this help

Exit codes: 0 pushed (or dry run printed), 1 the file has errors, 2 bad usage or configuration,
3 refused by the platform (400), 4 credentials rejected (401/403), 5 no such campaign (404),
6 unavailable/network error/timeout (try again later), 7 unexpected answer, 130 interrupted.

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
  useSettings: boolean;
}

function pushArgs(args: string[], io: CommandIO): PushArgs | number {
  const parsed = parseCommandArgs(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) return usageError(SPEC, io, 'name the campaign file to push.');
  if (positionals.length > 1) return usageError(SPEC, io, `push takes one file; got ${positionals.join(', ')}.`);
  if (values['campaign-id'] !== undefined && !values['campaign-id'].trim()) return usageError(SPEC, io, '--campaign-id needs a value.');
  const seconds = numberOption('timeout', values.timeout, 0, 600);
  if (typeof seconds === 'string') return usageError(SPEC, io, seconds);
  return {
    file: positionals[0],
    dryRun: values['dry-run'] ?? false,
    campaignId: values['campaign-id'],
    timeoutMs: seconds === undefined ? DEFAULT_TIMEOUT_MS : seconds * 1000,
    verbose: values.verbose ?? false,
    quiet: values.quiet ?? false,
    useSettings: !values['no-settings'],
  };
}

/** Connection and credentials from the environment, or what is missing or wrong. */
export function configFromEnv(env: NodeJS.ProcessEnv): { connection: Connection; credentials: Credentials; note?: string } | { problems: string[] } {
  const problems: string[] = [];
  const host = env.KORE_HOST?.trim() ?? '';
  const iid = env.KORE_IID?.trim() ?? '';
  const accountId = env.KORE_ACCOUNT_ID?.trim() ?? '';
  if (!host) problems.push('KORE_HOST is not set (e.g. platform.kore.ai).');
  else {
    const problem = hostProblem(host);
    if (problem) problems.push(`KORE_HOST: ${problem}`);
  }
  if (!iid) problems.push('KORE_IID is not set (the application id, st-...).');
  else if (checkIid(iid)) problems.push(`KORE_IID: ${checkIid(iid)}`);
  if (!accountId) problems.push('KORE_ACCOUNT_ID is not set.');
  else if (checkAccountId(accountId)) problems.push(`KORE_ACCOUNT_ID: ${checkAccountId(accountId)}`);

  let credentials: Credentials | undefined;
  let note: string | undefined;
  const clientId = env.KORE_CLIENT_ID?.trim();
  const clientSecret = env.KORE_CLIENT_SECRET;
  const jwt = env.KORE_JWT?.trim();
  if (clientId || clientSecret) {
    if (!clientId) problems.push('KORE_CLIENT_SECRET is set but KORE_CLIENT_ID is not.');
    else if (!clientSecret) problems.push('KORE_CLIENT_ID is set but KORE_CLIENT_SECRET is not.');
    else credentials = { kind: 'client', clientId, clientSecret };
    if (jwt) note = 'KORE_JWT is ignored: KORE_CLIENT_ID and KORE_CLIENT_SECRET are set and preferred.';
  } else if (jwt) credentials = { kind: 'jwt', token: jwt };
  else problems.push('No credentials: set KORE_CLIENT_ID and KORE_CLIENT_SECRET (preferred) or KORE_JWT.');
  if (credentials) {
    const bad = checkCredentials(credentials);
    if (bad) problems.push(bad);
  }
  if (problems.length || !credentials) return { problems };
  return { connection: { id: 'env', name: normaliseHost(host).origin, host, iid, accountId }, credentials, note };
}

function location(file: string, d: { range: { start: { line: number; character: number } } }): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

const EXIT_FOR: Record<PushOutcome['kind'], number> = {
  success: PUSH_EXIT.ok,
  invalid: PUSH_EXIT.rejected,
  'credentials-rejected': PUSH_EXIT.credentials,
  'not-found': PUSH_EXIT.notFound,
  unavailable: PUSH_EXIT.unavailable,
  'network-error': PUSH_EXIT.unavailable,
  timeout: PUSH_EXIT.unavailable,
  'http-error': PUSH_EXIT.unexpected,
  cancelled: PUSH_EXIT.cancelled,
  refused: PUSH_EXIT.usage,
};

export async function run(args: string[], io: CommandIO): Promise<number> {
  const parsedArgs = pushArgs(args, io);
  if (typeof parsedArgs === 'number') return parsedArgs;
  // The path as the user gave it: that is what they can find in their own shell or CI log.
  const shownName = parsedArgs.file;
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
    io.stderr(`kore-campaign push: dry run, nothing was sent (the token, ${config.credentials.kind === 'client' ? 'minted with KORE_CLIENT_ID/KORE_CLIENT_SECRET' : 'from KORE_JWT'}, is redacted).\n`);
    return PUSH_EXIT.ok;
  }

  const abort = new AbortController();
  const onSignal = () => abort.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  let outcome: PushOutcome;
  try {
    outcome = await pushCampaign(input, {
      signal: abort.signal,
      timeoutMs: parsedArgs.timeoutMs,
      env: io.env,
      subject: 'kore-campaign-cli',
      log: parsedArgs.verbose ? (line) => io.stderr(`${line}\n`) : undefined,
      onProgress: (progress) => {
        if (progress.kind === 'waiting') io.stderr(`kore-campaign push: ${progress.message}\n`);
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
  }

  if (outcome.kind === 'success') {
    if (!parsedArgs.quiet) io.stdout(`${outcome.message}\n`);
    return PUSH_EXIT.ok;
  }
  io.stderr(`kore-campaign push: ${outcome.message}\n`);
  if (outcome.kind === 'invalid') {
    for (const error of outcome.errors) {
      const where = rangeForField(parsed, error.field);
      const field = error.field ? ` (${normaliseFieldName(error.field)})` : '';
      io.stderr(`${location(shownName, where)} error ${error.message}${field} [platform]\n`);
    }
  }
  return EXIT_FOR[outcome.kind];
}
