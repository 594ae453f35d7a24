// `kore-campaign hours <file> [--tz ZONE]`: a campaign's calling hours as a week, drawn from the
// same core model as the editor's Preview Calling Hours, for terminals and pull-request summaries.
import * as path from 'node:path';
import { callingHoursWeek, isValidTimeZone, parseCampaign, type CallingHoursWeek } from '../../../core/src';
import { suggestTimeZone } from '../../../core/src/rules/timezone';
import { parseCommandArgs, usageError } from '../args';
import { formatHoursText } from '../formats/hoursText';
import { EXIT } from '../exitCodes';
import type { CommandIO } from '../io';
import { readCampaignFile, readCampaignStream } from '../readCampaignFile';
import { commandValidationOptions } from '../settings';

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const HOURS_USAGE = `Usage: kore-campaign hours [options] <file>

Draws a campaign file's calling hours as one week: a row per day, 24 hours across, every window
where its time zone puts it; then the windows with their lines, overlapping and repeated windows
(the checks of validate), the parts outside the 8:00 AM-9:00 PM policy band (unless
koreCampaign.validate.policy is off), the daylight-saving changes of the next 12 weeks and what
they move, and what could not be drawn. The editor's Preview Calling Hours shows the same week.
"-" reads the file from stdin.

Options:
  --tz ZONE          draw on this IANA zone's clock (UTC, Europe/Berlin, ...; default: the
                     campaign's own timezone); a window crossing midnight there is drawn on both days
  --week DATE        the week holding DATE (YYYY-MM-DD, in the campaign's zone; default: this week)
  --format FORMAT    text (default; plain ASCII, coloured only on a terminal without NO_COLOR),
                     markdown (the text in a fenced block, for a pull-request summary) or json (the model)
  --no-settings      ignore .vscode/settings.json (its koreCampaign.validate.* settings decide the
                     policy band and the overlap marks, as in the editor)
  -h, --help         this help

Exit codes: 0 drawn, 1 drawn but part of callingHours could not be (an entry with errors, a
missing or unknown timezone: listed under "Not drawn"), 2 bad usage or a file that cannot be read.

Examples:
  kore-campaign hours campaigns/billing.campaign.yaml
  kore-campaign hours campaigns/billing.campaign.yaml --tz Europe/Berlin
  kore-campaign hours campaigns/billing.campaign.yaml --tz UTC --week 2025-03-10
  kore-campaign hours --format markdown campaigns/billing.campaign.yaml >> "$GITHUB_STEP_SUMMARY"`;

const SPEC = {
  name: 'hours',
  usage: HOURS_USAGE,
  options: {
    tz: { type: 'string' },
    week: { type: 'string' },
    format: { type: 'string' },
    'no-settings': { type: 'boolean' },
  },
} as const;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usageError(SPEC, io, 'name one campaign file (or - for stdin).');
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) return usageError(SPEC, io, `--format takes ${FORMATS.join(', ')}; not "${values.format}".`);
  const zone = values.tz;
  if (zone !== undefined && !isValidTimeZone(zone)) {
    const suggestion = suggestTimeZone(zone);
    return usageError(SPEC, io, `--tz "${zone}" is not an IANA time zone${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`);
  }
  const week = values.week;
  if (week !== undefined && !isCalendarDate(week)) return usageError(SPEC, io, `--week takes a date as YYYY-MM-DD, not "${week}".`);

  const [file] = positionals;
  const read = file === '-' ? await readCampaignStream(io.stdin ?? process.stdin) : await readCampaignFile(path.resolve(io.cwd, file));
  if ('problem' in read) {
    io.stderr(`kore-campaign hours: ${file === '-' ? '<stdin>' : file} ${read.problem}.\n`);
    return EXIT.usage;
  }
  const validation = await commandValidationOptions('hours', !values['no-settings'], io);
  const model = callingHoursWeek(parseCampaign(read.text), {
    now: new Date(),
    ...(zone ? { viewZone: zone, viewerZone: zone } : {}),
    ...(week ? { weekOf: week } : {}),
    validation,
  });
  io.stdout(render(format, model, io));
  return model.notDrawn.length ? EXIT.problems : EXIT.ok;
}

function render(format: Format, model: CallingHoursWeek, io: CommandIO): string {
  if (format === 'json') return `${JSON.stringify(model, null, 2)}\n`;
  if (format === 'markdown') return `\`\`\`text\n${formatHoursText(model)}\`\`\`\n`;
  return formatHoursText(model, { colour: io.stdoutIsTTY === true && !io.env.NO_COLOR });
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!match && new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])).toISOString().startsWith(text);
}
