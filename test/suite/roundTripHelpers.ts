// Shared by the suites that talk to a sandbox (push, pull, push plan, show changes): their
// set-up, and campaign files made from what a sandbox holds, written into the test workspace.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { campaignFileForm, renderCampaignFile } from '../../core/src';
import { startSandbox, type Sandbox } from '../../sandbox/src';
import { activateExtension, closeAllEditors, wsPath } from './helpers';
import { addConnectionThroughUi, ScriptedUi, testCredentials, type TestCredentials } from './scriptedUi';

const TEST_REQUESTS_PER_MINUTE = 600;
const rateSetting = () => vscode.workspace.getConfiguration('koreCampaign');

/**
 * The hooks of a suite that talks to its own sandbox (credentials `creds`): the extension
 * active, the scripted UI installed, and, with `connectionName`, a connection to that sandbox
 * added (and selected) through the extension's own prompts. The sandbox is there from the
 * suite's first test on; each test starts with a clear script and no sandbox fault.
 */
export function sandboxHooks(ui: ScriptedUi, creds: TestCredentials, connectionName?: string): { readonly sandbox: Sandbox } {
  let sandbox: Sandbox | undefined;
  before(async function () {
    await activateExtension();
    // These suites send a few hundred requests in a minute (Pull All, again and again): the
    // platform's limit and the connection's budget at the same ten times the documented 60, so
    // that the limit is in force (and never hit) without the suites waiting out minutes.
    await rateSetting().update('platform.requestsPerMinute', TEST_REQUESTS_PER_MINUTE, vscode.ConfigurationTarget.Global);
    sandbox = await startSandbox({ port: 0, ...creds, rateLimit: { requests: TEST_REQUESTS_PER_MINUTE, windowMs: 60_000 } });
    ui.install();
    if (connectionName) await addConnectionThroughUi(ui, sandbox.url, creds, connectionName);
  });
  after(async () => {
    ui.restore();
    await rateSetting().update('platform.requestsPerMinute', undefined, vscode.ConfigurationTarget.Global);
    await sandbox?.stop();
    await closeAllEditors();
  });
  beforeEach(() => {
    ui.clear();
    sandbox?.faults.reset();
  });
  return {
    get sandbox() {
      if (!sandbox) throw new Error("the sandbox starts in the suite's before hook");
      return sandbox;
    },
  };
}

/**
 * The set-up of a suite on its own sandbox with a connection named `connectionName` to it
 * (credentials by `tag`; sandboxHooks): its scripted UI, and its sandbox as a stand-in that
 * forwards to the one the suite's `before` hook starts, so a test writes `sandbox.campaigns`
 * with no variable of its own assigned in a hook.
 */
export function sandboxConnectionSuite(tag: string, connectionName: string): { ui: ScriptedUi; sandbox: Sandbox } {
  const ui = new ScriptedUi();
  const hooks = sandboxHooks(ui, testCredentials(tag), connectionName);
  const sandbox = new Proxy({} as Sandbox, { get: (_, key) => Reflect.get(hooks.sandbox, key) });
  return { ui, sandbox };
}

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
  // The extension also fetches the connection's contact lists (platform data) when the connection changes: not part of a push.
  return sandbox.requests
    .slice(from)
    .filter((r) => !/\/contactList\//.test(r.url))
    .map((r) => `${r.method} ${r.url.split('?')[0].replace(/^.*\/campaign/, '/campaign')}`);
}
