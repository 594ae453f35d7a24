import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { validateText, type CampaignDiagnostic } from '../../../core/src';
import { EXIT, type CommandIO } from '../io';
import { contactListsFromPlatform } from './validatePlatform';
import { commandValidationOptions, NO_SETTINGS_FLAG } from '../settings';

export const VALIDATE_USAGE = `Usage: kore-campaign validate [--format text|json] [--no-settings] [--platform] <files, folders or globs...>

Checks *.campaign.yaml / *.campaign.yml files with the same rules as the editor, under the
koreCampaign.validate.* settings of .vscode/settings.json in this folder and its parents up to
the repository root (--no-settings: every rule at its own severity).
Folders are searched recursively; node_modules and .git are skipped.
--platform also checks contactLists names against the platform's lists (the KORE_* variables
of kore-campaign push); if the platform cannot be reached, one notice, and the rest is checked.
Prints file:line:col severity message [code] per problem.
Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 bad usage or unreadable file.`;

const CAMPAIGN_FILES = '**/*.campaign.{yaml,yml}';
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export async function runValidate(args: string[], io: CommandIO): Promise<number> {
  let format: 'text' | 'json' = 'text';
  let platform = false;
  let useSettings = true;
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice('--format='.length) : args[++i];
      if (value !== 'text' && value !== 'json') {
        io.stderr(`kore-campaign validate: --format takes text or json, not ${value ?? 'nothing'}.\n`);
        return EXIT.usage;
      }
      format = value;
    } else if (arg === '--platform') {
      platform = true;
    } else if (arg === NO_SETTINGS_FLAG) {
      useSettings = false;
    } else if (arg === '--help' || arg === '-h') {
      io.stdout(`${VALIDATE_USAGE}\n`);
      return EXIT.ok;
    } else if (arg.startsWith('-')) {
      io.stderr(`kore-campaign validate: unknown option ${arg}\n${VALIDATE_USAGE}\n`);
      return EXIT.usage;
    } else targets.push(arg);
  }
  if (targets.length === 0) {
    io.stderr(`kore-campaign validate: name at least one file, folder or glob.\n${VALIDATE_USAGE}\n`);
    return EXIT.usage;
  }

  const options = await commandValidationOptions('validate', useSettings, io);
  const { files, unreadable } = await expandTargets(targets, io.cwd);
  let status: number = EXIT.ok;
  for (const problem of unreadable) {
    io.stderr(`kore-campaign validate: ${problem}\n`);
    status = EXIT.usage;
  }
  if (files.length === 0 && unreadable.length === 0) {
    io.stderr(`kore-campaign validate: no *.campaign.yaml or *.campaign.yml files in ${targets.join(', ')}.\n`);
    return EXIT.usage;
  }

  const contactLists = platform ? await contactListsFromPlatform(io) : undefined;
  const results: { file: string; diagnostics: CampaignDiagnostic[] }[] = [];
  // Reads overlap with validation of the previous file; validation itself is synchronous.
  const queue = files.map((file) => readFile(file, 'utf8').then((text) => ({ file, text }), (error: NodeJS.ErrnoException) => ({ file, error })));
  for (const pending of queue) {
    const read = await pending;
    if ('error' in read) {
      io.stderr(`kore-campaign validate: cannot read ${display(read.file, io.cwd)}: ${read.error.code ?? read.error.message}\n`);
      status = EXIT.usage;
      continue;
    }
    results.push({ file: read.file, diagnostics: validateText(read.text, { ...options, contactLists }) });
  }

  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  if (format === 'json') {
    const report = results.map((r) => ({
      file: display(r.file, io.cwd),
      diagnostics: r.diagnostics.map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
        ...(d.path ? { path: d.path } : {}),
      })),
    }));
    io.stdout(`${JSON.stringify({ files: report, errors, warnings }, null, 2)}\n`);
  } else {
    const chunks: string[] = [];
    for (const r of results) {
      const name = display(r.file, io.cwd);
      for (const d of r.diagnostics) chunks.push(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message} [${d.code}]\n`);
    }
    chunks.push(`${results.length} ${results.length === 1 ? 'file' : 'files'} checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.\n`);
    io.stdout(chunks.join(''));
  }
  if (status !== EXIT.ok) return status;
  return errors > 0 ? EXIT.problems : EXIT.ok;
}

export async function expandTargets(targets: string[], cwd: string): Promise<{ files: string[]; unreadable: string[] }> {
  const files = new Set<string>();
  const unreadable: string[] = [];
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    if (isDynamicPattern(target)) {
      const matched = await glob(target, { cwd, absolute: true, ignore: IGNORE });
      if (matched.length === 0) unreadable.push(`no file matches ${target}`);
      matched.sort().forEach((f) => files.add(f));
      continue;
    }
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) {
        const found = await glob(CAMPAIGN_FILES, { cwd: absolute, absolute: true, ignore: IGNORE });
        found.sort().forEach((f) => files.add(f));
      } else files.add(absolute);
    } catch (error) {
      unreadable.push(`cannot read ${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`);
    }
  }
  return { files: [...files], unreadable };
}

export function display(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
