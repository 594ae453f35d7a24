// Where a pulled campaign goes and whether it may be written. A campaign already in a file (by
// campaignId, anywhere under the folder) is updated in that file, in place. A new one gets
// `<name-as-slug>.campaign.yaml`, with -2, -3... when that name is taken: another campaign's
// file is never overwritten. A file with local changes is never overwritten without
// --overwrite: inside git, "local changes" is what `git status --porcelain` reports for the
// file (modified, staged or untracked); outside git nothing can tell the author's edits from
// the platform's, so any file that would change counts as changed locally.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { glob } from 'tinyglobby';
import { fileFormNotes, parseCampaign, renderCampaignFile, slugFor, updateCampaignFile, type CampaignFileForm } from '../../core/src';

const run = promisify(execFile);

export type PullResult = 'created' | 'updated' | 'unchanged' | 'conflict';

export interface PlacedCampaign {
  file: string;
  result: PullResult;
  /** Why a conflict is one. */
  reason?: string;
  notes: string[];
}

/** Campaign files under `dir` by the campaignId they hold (the first file wins for an id). */
export async function indexCampaignFiles(dir: string): Promise<{ byId: Map<string, string>; taken: Set<string> }> {
  const files = (await glob('**/*.campaign.{yaml,yml}', { cwd: dir, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })).sort();
  const byId = new Map<string, string>();
  for (const file of files) {
    const value = parseCampaign(await readFile(file, 'utf8').catch(() => '')).value as Record<string, unknown> | undefined;
    const id = value && typeof value === 'object' ? value.campaignId : undefined;
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, file);
  }
  return { byId, taken: new Set(files) };
}

/** True when git reports local changes to `file`; undefined when it cannot tell (no git, not a repository). */
async function hasUncommittedChanges(file: string): Promise<boolean | undefined> {
  try {
    const { stdout } = await run('git', ['status', '--porcelain', '--', path.basename(file)], { cwd: path.dirname(file) });
    return stdout.trim() !== '';
  } catch {
    return undefined;
  }
}

export interface PlaceSettings {
  outDir: string;
  overwrite: boolean;
  header: string[];
  index: { byId: Map<string, string>; taken: Set<string> };
}

/** Write one pulled campaign where it belongs (see the top of this file). */
export async function placeCampaign(form: CampaignFileForm, name: string | undefined, settings: PlaceSettings): Promise<PlacedCampaign> {
  const notes = fileFormNotes(form);
  const existing = form.campaignId ? settings.index.byId.get(form.campaignId) : undefined;
  if (!existing) {
    const slug = slugFor(name, form.campaignId ?? 'campaign');
    const text = renderCampaignFile(form, { header: settings.header });
    for (let n = 1; ; n++) {
      const file = path.join(settings.outDir, n === 1 ? `${slug}.campaign.yaml` : `${slug}-${n}.campaign.yaml`);
      if (settings.index.taken.has(file)) continue;
      settings.index.taken.add(file);
      try {
        // `wx`: a file that appeared since the folder was read is not overwritten either.
        await writeFile(file, text, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      if (form.campaignId) settings.index.byId.set(form.campaignId, file);
      return { file, result: 'created', notes };
    }
  }
  const text = await readFile(existing, 'utf8');
  const update = updateCampaignFile(text, form);
  if (update && !update.changed) return { file: existing, result: 'unchanged', notes };
  if (!settings.overwrite) {
    const reason = !update
      ? 'it has YAML errors, so it cannot be updated in place'
      : await hasUncommittedChanges(existing).then((dirty) =>
          dirty === false
            ? undefined
            : dirty
              ? 'it has uncommitted changes (git status)'
              : "git cannot tell whether it has local changes (not in a git repository, or no git), so your edits cannot be told from the platform's changes",
        );
    if (reason) return { file: existing, result: 'conflict', reason, notes };
  }
  await writeFile(existing, update ? update.text : renderCampaignFile(form, { header: settings.header }));
  return { file: existing, result: 'updated', notes };
}
