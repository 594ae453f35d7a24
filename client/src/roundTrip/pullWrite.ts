// From a campaign read from the platform to a file write: which file, what text, and whether
// the write would overwrite local work (which is then asked about, never done silently).
import * as vscode from 'vscode';
import { slugFor } from '../../../core/src';
import { currentText, freeCampaignFile } from '../files/campaignFiles';
import { describeLocalState, localState, type GitFileStatus, type LocalState } from './localChanges';
import type { RemoteCampaign } from '../remote/calls';
import { remoteFileText } from '../remote/fileForm';

export interface PullWrite {
  remote: RemoteCampaign;
  uri: vscode.Uri;
  text: string;
  /** The file's text before the pull; undefined for a new file. */
  previous?: string;
  /** Set when the write would replace local work. */
  conflict?: LocalState;
}

export type PullAction = 'created' | 'updated' | 'unchanged';

export function pullAction(write: PullWrite): PullAction {
  if (write.previous === undefined) return 'created';
  return write.previous === write.text ? 'unchanged' : 'updated';
}

/**
 * Where `remote` goes: `existing` (the file with its campaignId, updated in place) or a new
 * `<slug>.campaign.yaml` in `folder`. `reserved` collects the new names already handed out, so
 * two campaigns with one name in a single Pull All get two files. `git` is the host's (desktop
 * or browser) view of the file's local changes.
 */
export async function planPullWrite(
  remote: RemoteCampaign,
  existing: vscode.Uri | undefined,
  folder: vscode.Uri,
  reserved: Set<string>,
  git: GitFileStatus,
): Promise<PullWrite> {
  const previous = existing ? await currentText(existing) : undefined;
  if (existing && previous !== undefined) {
    const text = remoteFileText(remote, previous);
    const conflict = text === previous ? undefined : await localState(existing, git);
    return { remote, uri: existing, text, previous, conflict: conflict === 'clean' ? undefined : conflict };
  }
  const uri = await freeCampaignFile(folder, slugFor(remote.name, remote.id), reserved);
  reserved.add(uri.toString());
  return { remote, uri, text: remoteFileText(remote) };
}

export function conflictLine(write: PullWrite, git: GitFileStatus): string {
  return `${vscode.workspace.asRelativePath(write.uri)} ${describeLocalState(write.conflict!, git)}`;
}
