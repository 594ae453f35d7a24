// `kore-campaign validate`: the editor's diagnostics for CI pipelines, in the format the
// pipeline reads (text, JSON, SARIF for code scanning, GitHub annotations).
import { validateText } from '../../../core/src';
import { integerOption, parseCommandArgs, usageError } from '../args';
import { collectInputs, type CampaignInput } from '../collectInputs';
import { formatGithub } from '../formats/github';
import { formatJson } from '../formats/json';
import {
  fromCampaignDiagnostic,
  INPUT_CODES,
  inputProblem,
  plural,
  summarise,
  type FileReport,
  type ValidationReport,
} from '../formats/report';
import { formatSarif } from '../formats/sarif';
import { formatText } from '../formats/text';
import { EXIT } from '../exitCodes';
import type { CommandIO } from '../io';
import { MAX_CAMPAIGN_FILE_BYTES, readCampaignFile, readCampaignStream, type ReadResult } from '../readCampaignFile';
import { commandValidationOptions } from '../settings';
import { contactListsFromPlatform } from './validatePlatform';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

export const VALIDATE_USAGE = `Usage: kore-campaign validate [options] <files, folders, globs or -...>

Checks *.campaign.yaml / *.campaign.yml files with the same rules as the editor, under the
koreCampaign.validate.* settings of .vscode/settings.json in this folder and its parents up to
the repository root. Folders are searched recursively; node_modules and .git are skipped.
"-" reads one file from stdin.

Options:
  --format FORMAT       text (default), json, sarif (SARIF 2.1.0, for GitHub code scanning) or
                        github (workflow annotations; the default when GITHUB_ACTIONS=true)
  --max-warnings N      also fail (exit 1) when there are more than N warnings
  -q, --quiet           report errors only
  -v, --verbose         name each file on stderr as it is checked
  --stdin-filename NAME the name shown for "-" (default <stdin>)
  --no-settings         ignore .vscode/settings.json: every rule at its own severity
  --platform            also check contactLists names against the platform's lists (the KORE_*
                        variables of push); unreachable: one notice, the rest is still checked
  -h, --help            this help

Exit codes: 0 no errors (warnings allowed), 1 at least one error (or more warnings than
--max-warnings), 2 bad usage, or an input that could not be checked: missing, a folder or glob
with no campaign files, unreadable, not a text file, not a regular file (pipes and devices are
refused; use "-"), or larger than ${MAX_CAMPAIGN_FILE_BYTES / (1024 * 1024)} MB.

Examples:
  kore-campaign validate campaigns/
  kore-campaign validate 'campaigns/**/*.campaign.yaml' --max-warnings 0
  kore-campaign validate --format sarif campaigns/ > kore-campaign.sarif
  cat billing.campaign.yaml | kore-campaign validate --stdin-filename billing.campaign.yaml -`;

const SPEC = {
  name: 'validate',
  usage: VALIDATE_USAGE,
  options: {
    format: { type: 'string' },
    'max-warnings': { type: 'string' },
    'stdin-filename': { type: 'string' },
    'no-settings': { type: 'boolean' },
    platform: { type: 'boolean' },
  },
} as const;

export async function runValidate(args: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals: targets } = parsed;
  const format = (values.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text')) as Format;
  if (!FORMATS.includes(format)) return usageError(SPEC, io, `--format takes ${FORMATS.join(', ')}; not "${values.format}".`);
  const maxWarnings = integerOption('max-warnings', values['max-warnings'], 0, Number.MAX_SAFE_INTEGER);
  if (typeof maxWarnings === 'string') return usageError(SPEC, io, maxWarnings);
  if (targets.length === 0) return usageError(SPEC, io, 'name at least one file, folder or glob (or - for stdin).');
  if (targets.filter((t) => t === '-').length > 1) return usageError(SPEC, io, 'stdin ("-") can be read only once.');
  if (values['stdin-filename'] !== undefined && !targets.includes('-'))
    return usageError(SPEC, io, '--stdin-filename names what "-" reads; add - to the files.');

  const settings = await commandValidationOptions('validate', !values['no-settings'], io);
  const contactLists = values.platform ? await contactListsFromPlatform(io) : undefined;
  const options = { ...settings, contactLists };
  const { inputs, problems } = await collectInputs(targets, io.cwd, values['stdin-filename'] ?? '<stdin>');
  const files: FileReport[] = [...problems];
  // Reads overlap with validation of the previous file; validation itself is synchronous.
  const reads = inputs.map((input) => ({ input, read: readInput(input, io) }));
  for (const { input, read } of reads) {
    const result = await read;
    if (values.verbose) io.stderr(`kore-campaign validate: ${input.file}${'problem' in result ? ` ${result.problem}` : ''}\n`);
    if ('problem' in result)
      files.push(inputProblem(input.file, input.relative, INPUT_CODES.unreadable, `${input.file} ${result.problem}.`));
    else
      files.push({
        file: input.file,
        relative: input.relative,
        diagnostics: validateText(result.text, options).map(fromCampaignDiagnostic),
      });
  }
  const full = summarise(files);
  const shown: ValidationReport = values.quiet
    ? summarise(files.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') })))
    : full;

  io.stdout(render(format, shown, io.cwd));
  const tooManyWarnings = maxWarnings !== undefined && full.warnings > maxWarnings;
  if (tooManyWarnings) io.stderr(`kore-campaign validate: ${plural(full.warnings, 'warning')}, more than --max-warnings ${maxWarnings}.\n`);
  if (full.notChecked) return EXIT.usage;
  return full.errors > 0 || tooManyWarnings ? EXIT.problems : EXIT.ok;
}

function readInput(input: CampaignInput, io: CommandIO): Promise<ReadResult> {
  return input.absolute ? readCampaignFile(input.absolute) : readCampaignStream(io.stdin ?? process.stdin);
}

function render(format: Format, report: ValidationReport, cwd: string): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, cwd);
    case 'github':
      return formatGithub(report);
    default:
      return formatText(report);
  }
}
