// `kore-campaign create <file>`: POST the file as a new campaign, then write the new id into the
// file as campaignId (one line added; comments and key order kept), so plan and push use it.
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { applyTextEdits, bodyFromCampaign, setCampaignIdEdit } from '../../../core/src';
import { createCampaign } from '../../../platform/src';
import { parsePlatformCommand, PLATFORM_OPTIONS_HELP, usageError } from '../args';
import { loadCampaignFile } from '../campaignFile';
import { EXIT, EXIT_FOR_FAILURE } from '../exitCodes';
import { relativeTo } from '../formats/report';
import type { CommandIO } from '../io';
import { ENVIRONMENT_HELP } from '../platformConfig';
import { failureJson, platformErrorLines } from '../report';
import { openSession, withInterrupt } from '../session';
import { commandValidationOptions } from '../settings';

export const CREATE_USAGE = `Usage: kore-campaign create [options] <file>

Creates a new campaign from <file> (POST .../campaign?campaignType=voice) and writes the new id
into the file as campaignId (comments and key order kept). The platform answers before creation
has finished: the campaign is Preparing, then Ready. A file that already has a campaignId names
an existing campaign: push updates it, create refuses.

${ENVIRONMENT_HELP}

Options:
${PLATFORM_OPTIONS_HELP}

Exit codes: 0 created (creation in progress) and the id written, 1 the file has errors,
2 bad usage, configuration, or a file that already has a campaignId, 3-7 and 130 a platform failure
as in push (3 refused by the platform, with each problem at its field).

Examples:
  kore-campaign create campaigns/new.campaign.yaml
  kore-campaign create --format json campaigns/new.campaign.yaml`;

const SPEC = { name: 'create', usage: CREATE_USAGE, options: {} } as const;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const parsed = parsePlatformCommand(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 1)
    return usageError(
      SPEC,
      io,
      parsed.positionals.length ? `create takes one file; got ${parsed.positionals.length}.` : 'name the campaign file to create.',
    );
  const absolute = path.resolve(io.cwd, parsed.positionals[0]);
  const shownName = relativeTo(io.cwd, absolute);
  const file = await loadCampaignFile(absolute, shownName, await commandValidationOptions('create', parsed.common.useSettings, io));
  if ('readError' in file) {
    io.stderr(`kore-campaign create: ${file.readError}\n`);
    return EXIT.usage;
  }
  if (file.problems.length) {
    io.stderr(
      `${file.problems.join('\n')}\nkore-campaign create: ${shownName} has ${file.problems.length} error${file.problems.length === 1 ? '' : 's'}; nothing was sent.\n`,
    );
    return EXIT.problems;
  }
  if (file.campaign.campaignId !== undefined) {
    io.stderr(
      `kore-campaign create: ${shownName} already names campaign ${String(file.campaign.campaignId)}; kore-campaign push updates it. Remove the campaignId line to create a new campaign from this file.\n`,
    );
    return EXIT.usage;
  }
  const { common } = parsed;
  return withInterrupt(async (signal) => {
    const session = openSession(io, 'create', common, signal);
    if (!session) return EXIT.usage;
    const outcome = await createCampaign({ ...session.target, body: bodyFromCampaign(file.campaign) }, session.options);
    if (outcome.kind !== 'success') {
      const exitCode = EXIT_FOR_FAILURE[outcome.kind];
      if (common.format === 'json')
        io.stdout(`${JSON.stringify({ file: shownName, result: 'failed', failure: failureJson(outcome), exitCode }, null, 2)}\n`);
      else {
        io.stderr(`kore-campaign create: ${outcome.message}\n`);
        if (outcome.kind === 'invalid') io.stderr(platformErrorLines(file.parsed, shownName, outcome.errors));
      }
      return exitCode;
    }
    const edit = setCampaignIdEdit(file.parsed, outcome.campaignId);
    let written = false;
    if (edit) {
      await writeFile(absolute, applyTextEdits(file.parsed, [edit]));
      written = true;
    }
    const where = written
      ? `Wrote campaignId ${outcome.campaignId} into ${shownName}.`
      : `Add "campaignId: ${outcome.campaignId}" to ${shownName} yourself: its layout has no place for it.`;
    if (common.format === 'json') {
      io.stdout(
        `${JSON.stringify({ file: shownName, result: 'created', campaignId: outcome.campaignId, status: 'Preparing', written, message: outcome.message, exitCode: EXIT.ok }, null, 2)}\n`,
      );
    } else io.stdout(`${outcome.message}\n${where}\n`);
    return EXIT.ok;
  });
}
