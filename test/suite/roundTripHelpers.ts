// Shared by the round-trip suites (push plan, show changes): campaign files made from what a
// sandbox holds, written into the test workspace.
import * as fs from 'node:fs';
import { campaignFileForm, renderCampaignFile } from '../../core/src';
import type { Sandbox } from '../../sandbox/src';
import { wsPath } from './helpers';

/** The file form of a campaign the sandbox holds (as Pull writes it), with a comment on top. */
export function pulledText(sandbox: Sandbox, campaignId: string, comment = 'kept by every edit'): string {
  const stored = sandbox.campaigns.get(campaignId);
  if (!stored) throw new Error(`the sandbox has no campaign ${campaignId}`);
  return `# ${comment}\n${renderCampaignFile(campaignFileForm({ _id: campaignId, ...stored.data }))}`;
}

/** Writes `text` as workspace/<dir>/<name> and returns its path. */
export function writeCampaign(dir: string, name: string, text: string): string {
  fs.mkdirSync(wsPath(dir), { recursive: true });
  const file = wsPath(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** `text` with the first `key: value` line's value replaced (top level or nested, first match). */
export function withValue(text: string, key: string, value: string): string {
  const re = new RegExp(`^(\\s*${key}:).*$`, 'm');
  if (!re.test(text)) throw new Error(`no "${key}:" line in\n${text}`);
  return text.replace(re, `$1 ${value}`);
}

/** Requests the sandbox received since `from`, as `METHOD path` lines. */
export function requestsSince(sandbox: Sandbox, from: number): string[] {
  return sandbox.requests.slice(from).map((r) => `${r.method} ${r.url.split('?')[0].replace(/^.*\/campaign/, '/campaign')}`);
}
