// `koreCampaign.validate.*` for the command line, read where VS Code keeps it: the
// `.vscode/settings.json` of the folder the CLI runs in and of its parents up to the
// repository root, so CI fails on exactly what the editor shows. The conversion to
// validation options is the core's, the same one the language server uses.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
// The ES module build: esbuild cannot follow the UMD build's dynamic requires.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import {
  campaignSettingsFromJson,
  mergeCampaignSettings,
  validationOptions,
  type CampaignSettings,
  type ValidationOptions,
} from '../../core/src';

export const NO_SETTINGS_FLAG = '--no-settings';

export interface WorkspaceSettings {
  options: ValidationOptions;
  /** The settings files that set something under `koreCampaign.validate`, farthest first. */
  sources: string[];
  /** Problems reading them: shown, never fatal (VS Code too applies what it can read). */
  warnings: string[];
}

/** The folders whose `.vscode/settings.json` apply to `cwd`, farthest first: up to the one holding `.git`. */
export function settingsFolders(cwd: string): string[] {
  const chain: string[] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    chain.push(dir);
    // `.git` is a folder in a clone and a file in a worktree; either marks the repository root.
    if (existsSync(path.join(dir, '.git'))) return chain.reverse();
    if (path.dirname(dir) === dir) break;
  }
  // Outside a repository only the folder itself counts, as when VS Code opens it.
  return [path.resolve(cwd)];
}

export async function readWorkspaceSettings(cwd: string): Promise<WorkspaceSettings> {
  let merged: CampaignSettings = {};
  const sources: string[] = [];
  const warnings: string[] = [];
  for (const folder of settingsFolders(cwd)) {
    const file = path.join(folder, '.vscode', 'settings.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') warnings.push(`cannot read ${file}: ${code ?? (error as Error).message}`);
      continue;
    }
    const errors: ParseError[] = [];
    const json: unknown = parse(text, errors, { allowTrailingComma: true, allowEmptyContent: true });
    for (const error of errors.slice(0, 3))
      warnings.push(`${file}:${lineAndColumn(text, error.offset)} ${printParseErrorCode(error.error)}; the rest of the file still applies`);
    const settings = campaignSettingsFromJson(json);
    if (!settings.validate) continue;
    sources.push(file);
    merged = mergeCampaignSettings(merged, settings);
  }
  return { options: validationOptions(merged), sources, warnings };
}

/**
 * The options for a command: the workspace's unless `--no-settings` was given; tells on
 * stderr which files applied, so a CI log explains a rule that is off.
 */
export async function commandValidationOptions(
  command: string,
  useSettings: boolean,
  io: { cwd: string; stderr: (text: string) => void },
): Promise<ValidationOptions> {
  if (!useSettings) return {};
  const settings = await readWorkspaceSettings(io.cwd);
  for (const warning of settings.warnings) io.stderr(`kore-campaign ${command}: ${warning}\n`);
  if (settings.sources.length) {
    const shown = settings.sources.map((file) => path.relative(io.cwd, file) || file).join(', ');
    io.stderr(`kore-campaign ${command}: koreCampaign.validate settings from ${shown} (${NO_SETTINGS_FLAG} ignores them)\n`);
  }
  return settings.options;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}
