// From what the user typed (files, folders, globs, "-") to the campaign files to check, and a
// report for every name that leads to none: a missing path, a folder or glob with no campaign
// files. Folders are searched recursively, skipping node_modules and .git.
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { INPUT_CODES, inputProblem, relativeTo, type FileReport } from './formats/report';

const CAMPAIGN_FILES = '**/*.campaign.{yaml,yml}';
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export interface CampaignInput {
  /** How it is shown: as typed for a named file, relative to the working folder when found. */
  file: string;
  relative: string;
  /** Absolute path; undefined for stdin. */
  absolute?: string;
}

export async function collectInputs(
  targets: string[],
  cwd: string,
  stdinName: string,
): Promise<{ inputs: CampaignInput[]; problems: FileReport[] }> {
  const inputs: CampaignInput[] = [];
  const problems: FileReport[] = [];
  const seen = new Set<string>();
  const add = (input: CampaignInput) => {
    const key = input.absolute ?? '\0stdin';
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(input);
  };
  const found = (files: string[]) =>
    files.sort().forEach((absolute) => add({ file: relativeTo(cwd, absolute), relative: relativeTo(cwd, absolute), absolute }));
  for (const target of targets) {
    if (target === '-') {
      add({ file: stdinName, relative: stdinName });
      continue;
    }
    const absolute = path.resolve(cwd, target);
    if (isDynamicPattern(target)) {
      const matched = await glob(target, { cwd, absolute: true, ignore: IGNORE });
      if (matched.length === 0) problems.push(inputProblem(target, target, INPUT_CODES.noCampaignFiles, `no file matches ${target}`));
      found(matched);
      continue;
    }
    let isFolder = false;
    try {
      isFolder = (await stat(absolute)).isDirectory();
    } catch {
      // Not there (or not readable): reading it reports why, in the same words as for any file.
    }
    if (!isFolder) {
      add({ file: target, relative: relativeTo(cwd, absolute), absolute });
      continue;
    }
    const inFolder = await glob(CAMPAIGN_FILES, { cwd: absolute, absolute: true, ignore: IGNORE });
    if (inFolder.length === 0) {
      problems.push(
        inputProblem(
          target,
          relativeTo(cwd, absolute),
          INPUT_CODES.noCampaignFiles,
          `no *.campaign.yaml or *.campaign.yml files in ${target}`,
        ),
      );
    }
    found(inFolder);
  }
  return { inputs, problems };
}
