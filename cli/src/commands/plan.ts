// `kore-campaign plan <files, folders or globs...>`: what a push of each file would change on
// the platform, without changing anything. Over a folder it is drift detection for CI: exit 8
// says "the repository and the platform differ".
import { planCampaign, type CampaignPlan, type ValidationOptions } from '../../../core/src';
import { concurrencyLimit, getCampaign, mapConcurrent, type PlatformFailure } from '../../../platform/src';
import { parsePlatformCommand, PLATFORM_OPTIONS_HELP, usageError } from '../args';
import { campaignIdProblem, loadCampaignFile, type CampaignFile } from '../campaignFile';
import { collectInputs, type CampaignInput } from '../collectInputs';
import { EXIT, EXIT_FOR_FAILURE } from '../exitCodes';
import type { CommandIO } from '../io';
import { ENVIRONMENT_HELP } from '../platformConfig';
import { planJson, planText } from '../planReport';
import { rateLimitEnding, stoppedByRateLimit } from '../rateLimitEnding';
import { failureJson } from '../report';
import { openSession, withInterrupt, type PlatformSession } from '../session';
import { commandValidationOptions } from '../settings';

export const PLAN_USAGE = `Usage: kore-campaign plan [options] <files, folders or globs...>

Compares each campaign file with its campaign on the platform (GET .../campaign/{campaignId})
and prints what a push would change, field by field: "~" changed, "+" only in the file's list,
"-" only on the platform, "?" unknown remotely (the platform did not return it: never counted
as a change). Platform-owned fields (status, updatedAt, ...) are ignored. Nothing is changed.
Folders are searched recursively for *.campaign.yaml; up to N requests run at once (default 4).
Files are checked as validate checks them, under koreCampaign.validate.* in .vscode/settings.json
(--no-settings ignores it).

${ENVIRONMENT_HELP}

Options:
${PLATFORM_OPTIONS_HELP}

Exit codes: 0 every file matches the platform, 1 a file has errors (or no campaignId),
2 bad usage, configuration or a file that could not be read (as in validate), 3-7 and 130 a platform failure as in push (4 credentials,
5 no such campaign, 6 try again later, 7 unexpected answer), ${EXIT.differences} at least one file differs.
When several apply, the first in this order wins: 2, 1, platform failure, ${EXIT.differences}.

Examples:
  kore-campaign plan campaigns/
  kore-campaign plan --format json campaigns/billing.campaign.yaml > plan.json
  kore-campaign plan campaigns/ || test $? -eq 8`;

const SPEC = { name: 'plan', usage: PLAN_USAGE, options: {} } as const;

type FileResult =
  | { file: string; kind: 'planned'; plan: CampaignPlan }
  | { file: string; kind: 'error'; problems: string[]; notChecked?: boolean }
  | { file: string; kind: 'failed'; failure: PlatformFailure };

export async function run(args: string[], io: CommandIO): Promise<number> {
  const parsed = parsePlatformCommand(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  const { common, positionals } = parsed;
  if (!positionals.length) return usageError(SPEC, io, 'name at least one file, folder or glob.');
  if (positionals.includes('-'))
    return usageError(SPEC, io, 'plan reads campaign files by name (each names its campaign); stdin ("-") is not supported.');
  // The same inputs, and the same refusals, as validate: a missing path, a folder or glob with
  // no campaign files; unreadable, binary or oversized files are refused per file when read.
  const { inputs, problems } = await collectInputs(positionals, io.cwd, '<stdin>');
  for (const problem of problems) io.stderr(`kore-campaign plan: ${problem.diagnostics[0]?.message ?? problem.file}\n`);
  if (problems.length || !inputs.length) return EXIT.usage;
  const files = inputs.filter((input): input is CampaignInput & { absolute: string } => input.absolute !== undefined);
  return withInterrupt(async (signal) => {
    const session = openSession(io, 'plan', common, signal);
    if (!session) return EXIT.usage;
    const validation = await commandValidationOptions('plan', common.useSettings, io);
    const progress = session.progress('kore-campaign plan:', files.length);
    // --concurrency bounds the requests; files are read and checked ahead of them, so a
    // request slot never waits for local work.
    const requestSlot = concurrencyLimit(common.concurrency);
    const results = await mapConcurrent(files, common.concurrency * 2, async (input): Promise<FileResult> => {
      const result = await planFile(input.absolute, input.file, session, requestSlot, validation);
      progress.tick();
      return result;
    });
    progress.clear();
    return report(io, results, common.format, session.target.connection.name);
  });
}

async function planFile(
  absolute: string,
  shownName: string,
  session: PlatformSession,
  requestSlot: ReturnType<typeof concurrencyLimit>,
  validation: ValidationOptions,
): Promise<FileResult> {
  const loaded = await loadCampaignFile(absolute, shownName, validation);
  if ('readError' in loaded)
    return { file: shownName, kind: 'error', problems: [`kore-campaign plan: ${loaded.readError}`], notChecked: true };
  const file: CampaignFile = loaded;
  const idProblem = file.problems.length ? undefined : campaignIdProblem(file);
  if (file.problems.length || idProblem) return { file: shownName, kind: 'error', problems: idProblem ? [idProblem] : file.problems };
  const outcome = await requestSlot(() =>
    getCampaign({ ...session.target, campaignId: file.campaign.campaignId as string }, session.options),
  );
  if (outcome.kind !== 'success') return { file: shownName, kind: 'failed', failure: outcome };
  return { file: shownName, kind: 'planned', plan: planCampaign(file.campaign, outcome.campaign.data) };
}

function exitCode(results: FileResult[]): number {
  // A file that could not be read is bad input, as in validate.
  if (results.some((r) => r.kind === 'error' && r.notChecked)) return EXIT.usage;
  if (results.some((r) => r.kind === 'error')) return EXIT.problems;
  const failed = results.find((r) => r.kind === 'failed');
  if (failed?.kind === 'failed') return EXIT_FOR_FAILURE[failed.failure.kind];
  return results.some((r) => r.kind === 'planned' && !r.plan.matches) ? EXIT.differences : EXIT.ok;
}

function report(io: CommandIO, results: FileResult[], format: 'text' | 'json', where: string): number {
  const count = (kind: FileResult['kind'], matches?: boolean) =>
    results.filter((r) => r.kind === kind && (matches === undefined || (r.kind === 'planned' && r.plan.matches === matches))).length;
  const summary = {
    files: results.length,
    matching: count('planned', true),
    differing: count('planned', false),
    errors: count('error'),
    failed: count('failed'),
  };
  const code = exitCode(results);
  if (format === 'json') {
    const files = results.map((r) =>
      r.kind === 'planned'
        ? { file: r.file, result: r.plan.matches ? 'matches' : 'differs', ...planJson(r.plan) }
        : r.kind === 'error'
          ? { file: r.file, result: 'error', problems: r.problems }
          : { file: r.file, result: 'failed', failure: failureJson(r.failure) },
    );
    io.stdout(`${JSON.stringify({ connection: where, files, summary, exitCode: code }, null, 2)}\n`);
    return code;
  }
  const out: string[] = [];
  for (const r of results) {
    if (r.kind === 'planned') out.push(planText(r.file, r.plan, where));
    else if (r.kind === 'error') io.stderr(r.problems.map((p) => `${p}\n`).join(''));
    // Those the rate limit stopped before they were sent all say the same: the ending says it once.
    else if (!stoppedByRateLimit(r.failure)) io.stderr(`${r.file}: ${r.failure.message}\n`);
  }
  const parts = [
    `${summary.matching} matching`,
    `${summary.differing} with changes`,
    `${summary.errors} with errors`,
    `${summary.failed} not read`,
  ];
  out.push(`${summary.files} ${summary.files === 1 ? 'file' : 'files'} planned against ${where}: ${parts.join(', ')}.\n`);
  io.stdout(out.join(''));
  const failures = results.map((r) => (r.kind === 'failed' ? r.failure : undefined));
  const ending = rateLimitEnding('plan', failures, {
    done: summary.matching + summary.differing,
    total: results.length,
    what: 'files planned',
  });
  if (ending) io.stderr(ending);
  return code;
}
