// Platform data inside the real extension host: the extension fetches the active
// connection's contact lists from a sandbox (real HTTP), hands them to the language server
// (diagnostics appear), keeps them for koreCampaign.platform.cacheMinutes and in global
// state for offline use, and the language status item says what it knows and what it skipped.
// The connection is the seeded "Local sandbox", pointed at this test's sandbox through the
// koreCampaign.connections.sandboxPort setting, as a user would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSandbox } from '../../sandbox/src';
import type { CampaignExtensionApi } from '../../client/src/extension';
import { activateExtension, closeAllEditors, openDoc, waitFor, wsPath } from './helpers';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
const LIST_CALL = /\/campaign\/contactList\/getAllListDetails\?type=call$/;
const listCalls = (sandbox: Sandbox) => sandbox.requests.filter((r) => r.method === 'POST' && LIST_CALL.test(r.url)).length;
const listCodes = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.code === 'unknown-contact-list' || d.code === 'empty-contact-list')
    .map((d) => `${d.range.start.line}:${String(d.code)}`);
const config = () => vscode.workspace.getConfiguration('koreCampaign');

describe('platform data: contact lists of the active connection', function () {
  this.timeout(60_000);
  let api: CampaignExtensionApi;
  let sandbox: Sandbox;
  let file: vscode.Uri;

  before(async () => {
    api = (await activateExtension()).exports as CampaignExtensionApi;
    // Platform data starts with the language client, just after activation.
    await waitFor(
      () => api.platformData.status().platform.text,
      (text) => text !== '',
      15_000,
      'platform data to start',
    );
    sandbox = await startSandbox({ port: 0 });
    await config().update('platform.cacheMinutes', 10, vscode.ConfigurationTarget.Global);
    await config().update('connections.sandboxPort', sandbox.port, vscode.ConfigurationTarget.Global);
    file = (await openDoc(wsPath('fixtures', 'platform', 'contact-lists.campaign.yaml'))).uri;
  });
  after(async () => {
    await sandbox?.stop();
    await config().update('platform.cacheMinutes', undefined, vscode.ConfigurationTarget.Global);
    await config().update('connections.sandboxPort', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('Refresh Platform Data fetches the lists; the names are checked and the status item says so', async () => {
    const before = listCalls(sandbox);
    assert.equal(await vscode.commands.executeCommand('koreCampaign.refreshPlatformData'), 'known');
    assert.equal(listCalls(sandbox), before + 1, 'one request for the command');
    const codes = await waitFor(
      () => listCodes(file),
      (c) => c.length === 3,
      15_000,
      'contact-list diagnostics',
    );
    assert.deepEqual(codes, ['6:unknown-contact-list', '7:empty-contact-list', '8:unknown-contact-list']);
    const misspelt = vscode.languages.getDiagnostics(file).find((d) => d.range.start.line === 6)!;
    assert.equal(
      misspelt.message,
      'Local sandbox has no contact list named "Overdue Acounts". Did you mean "Overdue Accounts"? A campaign\'s lists must exist before it is pushed.',
    );
    const { server, platform } = await waitFor(
      () => api.platformData.status(),
      (s) => /running/.test(s.server.text),
      15_000,
      'the status items',
    );
    assert.deepEqual(server, { text: '$(check) Language server running', detail: 'all 7 rule groups on', severity: 'information' });
    assert.deepEqual(platform, {
      text: '$(check) Local sandbox: 6 contact lists',
      detail: 'lists fetched just now',
      severity: 'information',
    });
  });

  it("the status item's rule groups are the core's reading: a group whose codes validate.rules turns off is off", async () => {
    const groups = () => api.platformData.status().server.detail;
    const validate = () => vscode.workspace.getConfiguration('koreCampaign.validate');
    try {
      // callerId's only code, off by code: the group reports nothing, so it is not on.
      await validate().update('rules', { 'caller-id-e164': 'off' }, vscode.ConfigurationTarget.Global);
      await waitFor(groups, (d) => d !== 'all 7 rule groups on', 10_000, 'the status item to follow validate.rules');
      assert.equal(groups(), 'rule groups on: fields, unknownKeys, callingHours, contactLists, dialingMode, policy');
      // The group off, but its code turned back on by code: the code wins, so the group reports again.
      await validate().update('callerId', 'off', vscode.ConfigurationTarget.Global);
      await validate().update('rules', { 'caller-id-e164': 'warning' }, vscode.ConfigurationTarget.Global);
      await waitFor(groups, (d) => d === 'all 7 rule groups on', 10_000, 'a code turned on to count its group as on');
    } finally {
      await validate().update('rules', undefined, vscode.ConfigurationTarget.Global);
      await validate().update('callerId', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(groups, (d) => d === 'all 7 rule groups on', 10_000, 'the settings reset');
  });

  it('within cacheMinutes a campaign file coming to the front sends nothing; at 0 it fetches again', async () => {
    const before = listCalls(sandbox);
    await openDoc(wsPath('examples', 'billing-reminder.campaign.yaml'));
    await openDoc(file.fsPath);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(listCalls(sandbox), before, 'the cached lists were used');
    await config().update('platform.cacheMinutes', 0, vscode.ConfigurationTarget.Global);
    await openDoc(wsPath('examples', 'billing-reminder.campaign.yaml'));
    await waitFor(
      () => listCalls(sandbox),
      (n) => n > before,
      10_000,
      'a new request once the cache time is 0',
    );
    await config().update('platform.cacheMinutes', 10, vscode.ConfigurationTarget.Global);
    await openDoc(file.fsPath);
  });

  it('offline, the lists from global state stand in and the status item says how old they are', async () => {
    await sandbox.stop();
    assert.equal(await vscode.commands.executeCommand('koreCampaign.refreshPlatformData'), 'known');
    const status = api.platformData.status().platform;
    assert.equal(status.severity, 'warning');
    assert.equal(status.detail, 'offline: lists from just now');
    assert.equal(listCodes(file).length, 3, 'the names are still checked');
  });

  it('a failed fetch (credentials rejected): no contact-list diagnostic, and the status item says which checks were skipped and why', async () => {
    sandbox = await startSandbox({ port: sandbox.port, clientSecret: 'another-secret-0123456789abcdef0123' });
    assert.equal(await vscode.commands.executeCommand('koreCampaign.refreshPlatformData'), 'unknown');
    await waitFor(
      () => listCodes(file),
      (c) => c.length === 0,
      15_000,
      'the contact-list diagnostics to go',
    );
    const status = api.platformData.status().platform;
    assert.equal(status.text, '$(circle-slash) Contact lists not checked');
    assert.equal(status.detail, 'the request failed: Local sandbox rejected the credentials (HTTP 401).');
    assert.equal(listCalls(sandbox), 1);
  });

  it('signed out: the lists are no longer used, even cached; the status item says so', async () => {
    // Last in this suite: it deletes the Local sandbox credentials (the push suite uses its own connection).
    // Sign Out confirms in a modal: answer it as the user would.
    const w = vscode.window as unknown as Record<string, unknown>;
    const original = w.showWarningMessage;
    w.showWarningMessage = async (text: string, ...rest: unknown[]) =>
      /^Sign out of Local sandbox/.test(text) && rest.includes('Sign Out') ? 'Sign Out' : undefined;
    try {
      await vscode.commands.executeCommand('koreCampaign.signOut');
    } finally {
      w.showWarningMessage = original;
    }
    const status = await waitFor(
      () => api.platformData.status().platform,
      (s) => /signed out/.test(s.detail),
      15_000,
      'the signed-out status',
    );
    assert.deepEqual(status, {
      text: '$(circle-slash) Contact lists not checked',
      detail: 'signed out of Local sandbox',
      severity: 'information',
    });
    await waitFor(
      () => listCodes(file),
      (c) => c.length === 0,
      15_000,
      'no contact-list diagnostic',
    );
  });
});
