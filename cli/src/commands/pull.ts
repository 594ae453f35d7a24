// `kore-campaign pull <campaignId...>` and `pull --all`: bring campaigns from the platform into
// the repository as campaign files (file form: only what a write takes, campaignId first).
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { campaignFileForm } from '../../../core/src';
import { checkCampaignId, getCampaign, listCampaigns, mapConcurrent, type PlatformFailure } from '../../../platform/src';
import { parsePlatformCommand, PLATFORM_OPTIONS_HELP, usageError } from '../args';
import { EXIT, EXIT_FOR_FAILURE } from '../exitCodes';
import { relativeTo } from '../formats/report';
import type { CommandIO } from '../io';
import { ENVIRONMENT_HELP } from '../platformConfig';
import { indexCampaignFiles, placeCampaign, type PlacedCampaign } from '../pullFiles';
import { rateLimitEnding, stoppedByRateLimit } from '../rateLimitEnding';
import { failureJson } from '../report';
import { openSession, withInterrupt } from '../session';

export const PULL_USAGE = `Usage: kore-campaign pull [options] <campaignId...>
       kore-campaign pull [options] --all

Writes each campaign as <name-as-slug>.campaign.yaml in DIR (default: the current folder), in
the file form: only what a write takes, in the file format's order, campaignId first. A campaign
already in a file under DIR (same campaignId) is updated in that file, keeping its comments and
key order. A new file whose name is taken gets -2, -3...: another campaign's file is never
overwritten. A file with local changes (git status; outside git, any file that would change) is
left alone and reported as a conflict unless --overwrite. --all lists every campaign (all pages).
Prints one line per file: created, updated, unchanged or conflict.

${ENVIRONMENT_HELP}

Options:
  --all              every campaign on the platform (all pages)
  --out DIR          the folder to write into (default: the current folder)
  --overwrite        replace files with local changes
${PLATFORM_OPTIONS_HELP}

Exit codes: 0 every campaign written (or unchanged), 2 bad usage or configuration, 3-7 and 130 a
platform failure as in push, ${EXIT.conflict} a file was left alone because of local changes (nothing lost).

Examples:
  kore-campaign pull --all --out campaigns/
  kore-campaign pull cd-ed19e3c7-3682-5e72-a839-af9e07110001`;

const SPEC = {
  name: 'pull',
  usage: PULL_USAGE,
  options: { all: { type: 'boolean' }, out: { type: 'string' }, overwrite: { type: 'boolean' } },
} as const;

type Pulled = { id: string; failure?: PlatformFailure; placed?: PlacedCampaign; name?: string };

export async function run(args: string[], io: CommandIO): Promise<number> {
  const parsed = parsePlatformCommand(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  const { common, positionals: ids, values } = parsed;
  const usage = (problem: string) => usageError(SPEC, io, problem);
  if (values.all && ids.length) return usage('give campaign ids or --all, not both.');
  if (!values.all && !ids.length) return usage('name at least one campaign id, or pass --all.');
  for (const id of ids) {
    const bad = checkCampaignId(id);
    if (bad) return usage(bad);
  }
  const outDir = path.resolve(io.cwd, typeof values.out === 'string' ? values.out : '.');
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    return usage(`cannot use ${values.out} as the output folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }

  return withInterrupt(async (signal) => {
    const session = openSession(io, 'pull', common, signal);
    if (!session) return EXIT.usage;
    const where = session.target.connection.name;
    let wanted = [...new Set(ids)];
    let withoutId = 0;
    if (values.all) {
      const listed = await listCampaigns(session.target, session.options);
      if (listed.kind !== 'success') {
        const code = EXIT_FOR_FAILURE[listed.kind];
        if (common.format === 'json')
          io.stdout(`${JSON.stringify({ connection: where, list: failureJson(listed), files: [], exitCode: code }, null, 2)}\n`);
        else io.stderr(`kore-campaign pull: could not list the campaigns: ${listed.message}\n`);
        return code;
      }
      wanted = listed.campaigns.map((c) => c.id);
      withoutId = listed.withoutId;
    }
    const progress = session.progress('kore-campaign pull:', wanted.length);
    const reads = await mapConcurrent(wanted, common.concurrency, async (id) => {
      const outcome = await getCampaign({ ...session.target, campaignId: id }, session.options);
      progress.tick();
      return outcome;
    });
    progress.clear();
    const index = await indexCampaignFiles(outDir);
    const header = [`Pulled from ${where} with kore-campaign pull. Edit, then: kore-campaign plan <file>; kore-campaign push <file>.`];
    const results: Pulled[] = [];
    // One at a time, in the order asked: file names (and their suffixes) do not depend on timing.
    for (const [i, outcome] of reads.entries()) {
      if (outcome.kind !== 'success') {
        results.push({ id: wanted[i], failure: outcome });
        continue;
      }
      const form = campaignFileForm(outcome.campaign.data);
      form.campaignId ??= wanted[i];
      form.campaign = { campaignId: form.campaignId, ...form.campaign };
      const placed = await placeCampaign(form, outcome.campaign.name, { outDir, overwrite: values.overwrite === true, header, index });
      results.push({ id: wanted[i], placed, name: outcome.campaign.name });
    }
    return finish(io, common.format, where, results, withoutId);
  });
}

function exitCode(results: Pulled[]): number {
  const failed = results.find((r) => r.failure);
  if (failed?.failure) return EXIT_FOR_FAILURE[failed.failure.kind];
  return results.some((r) => r.placed?.result === 'conflict') ? EXIT.conflict : EXIT.ok;
}

function finish(io: CommandIO, format: 'text' | 'json', where: string, results: Pulled[], withoutId: number): number {
  const code = exitCode(results);
  if (format === 'json') {
    const files = results.map((r) =>
      r.failure
        ? { campaignId: r.id, result: 'failed', failure: failureJson(r.failure) }
        : {
            campaignId: r.id,
            name: r.name,
            file: relativeTo(io.cwd, r.placed!.file),
            result: r.placed!.result,
            ...(r.placed!.reason ? { reason: r.placed!.reason } : {}),
            notes: r.placed!.notes,
          },
    );
    const listed = withoutId ? { withoutId } : {};
    io.stdout(`${JSON.stringify({ connection: where, ...listed, files, exitCode: code }, null, 2)}\n`);
    return code;
  }
  if (withoutId)
    io.stderr(
      `kore-campaign pull: ${withoutId} campaign${withoutId === 1 ? '' : 's'} in ${where}'s list had no campaign id this tool can use (\`id\`, \`_id\` or \`campId\`); nothing was written for ${withoutId === 1 ? 'it' : 'them'}.\n`,
    );
  for (const r of results) {
    if (r.failure) {
      // Those the rate limit stopped before they were sent all say the same: the ending says it once.
      if (!stoppedByRateLimit(r.failure)) io.stderr(`kore-campaign pull: ${r.id}: ${r.failure.message}\n`);
      continue;
    }
    const placed = r.placed!;
    const file = relativeTo(io.cwd, placed.file);
    io.stdout(`${placed.result.padEnd(9)} ${file} (${r.id}${r.name ? `, '${r.name}'` : ''})\n`);
    if (placed.reason)
      io.stderr(`kore-campaign pull: ${file} was left as it is: ${placed.reason}. Commit or stash your changes, or pass --overwrite.\n`);
    for (const note of placed.notes) io.stderr(`${file}: ${note}\n`);
  }
  const done = results.filter((r) => r.placed).length;
  const ending = rateLimitEnding(
    'pull',
    results.map((r) => r.failure),
    { done, total: results.length, what: 'campaigns pulled' },
  );
  if (ending) io.stderr(ending);
  return code;
}
