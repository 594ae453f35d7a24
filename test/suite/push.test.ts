// Push Campaign, end to end inside the real extension host: a sandbox started by the test
// (its own client id/secret/IID/account), a connection and its credentials added through the
// extension's own commands (koreCampaign.addConnection: the guided quick pick and input
// boxes, answered by a script), then koreCampaign.pushCampaign.
//
// The dialogs are answered by a script (scriptedUi.ts); every prompt and message is recorded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { jwtVerify } from 'jose';
import type { Sandbox } from '../../sandbox/src';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import { openDoc, sleep, waitFor, wsPath } from './helpers';
import { sandboxHooks } from './roundTripHelpers';
import { addConnectionThroughUi, ScriptedUi, testCredentials } from './scriptedUi';

const CREDS = testCredentials('editor');
const CAMPAIGN_ID = 'cd-ed19e3c7-3682-5e72-a839-af9e07110001';

// ---- Helpers ----------------------------------------------------------------------------------

/**
 * A copy of an example under push/. A push plans first and sends nothing when the platform
 * already holds the file's values, so each copy names its campaign after itself: every test
 * has a change to send, whatever the tests before it pushed.
 */
function copyExample(name: string, from: string): string {
  const src = wsPath('examples', from);
  assert.ok(fs.existsSync(src), `examples/${from} exists`);
  const dest = wsPath('push', name);
  fs.mkdirSync(wsPath('push'), { recursive: true });
  fs.writeFileSync(dest, fs.readFileSync(src, 'utf8').replace(/^name: .*$/m, `name: Push test ${name.replace(/\.campaign\.yaml$/, '')}`));
  return dest;
}

/** Give the campaign a new name in the editor (unsaved), so the next push has a change to send. */
async function rename(file: string, name: string): Promise<void> {
  const doc = await openDoc(file);
  const m = /^name: .*$/m.exec(doc.getText())!;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(m.index), doc.positionAt(m.index + m[0].length)), `name: ${name}`);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

interface PushOutcomeLike {
  kind: string;
  status?: number;
  message: string;
}

async function push(file: string): Promise<PushOutcomeLike | undefined> {
  const doc = await openDoc(file);
  return vscode.commands.executeCommand<PushOutcomeLike | undefined>('koreCampaign.pushCampaign', doc.uri);
}

async function addConnection(ui: ScriptedUi, sandbox: Sandbox, name: string, secret: string): Promise<void> {
  await addConnectionThroughUi(ui, sandbox.url, CREDS, name, secret);
}

// ---- Tests ------------------------------------------------------------------------------------

describe('Push Campaign against the sandbox', function () {
  this.timeout(60_000);
  let sandbox: Sandbox | undefined;
  // The extension also fetches the active connection's contact lists (platform data) when the
  // connection or its credentials change: those requests are not part of a push.
  const pushRequests = () => sandbox!.requests.filter((r) => !/\/contactList\//.test(r.url));
  const ui = new ScriptedUi();
  const hooks = sandboxHooks(ui, CREDS);
  // "Update Credentials" asks through the multi-step input: answered from the same script.
  let restoreQuickInputs: (() => void) | undefined;
  before(() => {
    sandbox = hooks.sandbox;
    restoreQuickInputs = ui.fakeQuickInputs();
  });
  after(() => restoreQuickInputs?.());
  beforeEach(() => {
    // Push plans first: this connection is not the Local sandbox, so the changes are confirmed (push-plan.test.ts covers the question itself).
    ui.click(/^Push \S+ to .*\?/, 'Push');
  });

  it('a fresh install offers the "Local sandbox" connection', async () => {
    ui.pick(undefined);
    await vscode.commands.executeCommand('koreCampaign.selectConnection');
    const pick = ui.shown.find((s) => s.kind === 'quickPick');
    assert.ok(pick?.items?.includes('Local sandbox'), `connections offered: ${JSON.stringify(pick?.items)}`);
  });

  it("Add Connection stores the connection and its secret (through the extension's own prompts)", async () => {
    await addConnection(ui, sandbox!, 'Editor test sandbox', CREDS.clientSecret);
    assert.ok(
      ui.messages('info').some((m) => /Editor test sandbox .* added and selected/.test(m)),
      `messages: ${JSON.stringify(ui.messages())}`,
    );
    const secretBox = ui.shown.filter((s) => s.kind === 'inputBox').map((s) => s.text);
    assert.ok(
      secretBox.some((t) => /Client Secret/.test(t)),
      `the secret was asked for: ${JSON.stringify(secretBox)}`,
    );
  });

  it('pushes a valid campaign: 200, success message, and the sandbox got exactly the expected request', async () => {
    const file = copyExample('valid.campaign.yaml', 'billing-reminder.campaign.yaml');
    const before = pushRequests().length;
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'success', `outcome: ${JSON.stringify(outcome)}; messages: ${JSON.stringify(ui.messages())}`);
    const yaml = parseYaml(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.equal(yaml.campaignId, CAMPAIGN_ID, 'the example carries a campaign id the sandbox knows');
    await waitFor(
      () => ui.messages('info'),
      (m) => m.some((x) => x.startsWith('Pushed ')),
      5_000,
      'the success message',
    );
    const success = ui.messages('info').find((x) => x.startsWith('Pushed '))!;
    assert.match(
      success,
      new RegExp(`^Pushed '${String(yaml.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' to Editor test sandbox \\(.*Ready.*\\)`),
    );

    const reqs = pushRequests().slice(before);
    assert.deepEqual(
      reqs.map((r) => r.method),
      ['GET', 'PUT'],
      'the read that plans the push, then exactly one PUT',
    );
    const req = reqs[1];
    assert.equal(req.method, 'PUT');
    assert.equal(req.url, `/agentassist/api/v1/public/${CREDS.iid}/campaign/${CAMPAIGN_ID}?campaignType=voice`);
    assert.equal(req.status, 200);
    assert.equal(req.headers.iid, CREDS.iid);
    assert.equal(req.headers.accountid, CREDS.accountId);
    assert.match(String(req.headers['content-type']), /^application\/json/);
    assert.ok(req.rawHeaderNames.includes('auth'), `a header literally named "auth": ${req.rawHeaderNames.join(', ')}`);
    assert.equal(req.headers.authorization, undefined, 'no Authorization header');
    const { payload, protectedHeader } = await jwtVerify(String(req.headers.auth), new TextEncoder().encode(CREDS.clientSecret));
    assert.equal(protectedHeader.alg, 'HS256');
    assert.equal(payload.appId, CREDS.clientId);
    assert.ok(typeof payload.sub === 'string' && payload.sub, 'sub');
    assert.ok(typeof payload.jti === 'string' && payload.jti, 'jti');
    assert.ok(
      typeof payload.iat === 'number' && typeof payload.exp === 'number' && payload.exp > payload.iat && payload.exp - payload.iat <= 3600,
      'iat/exp',
    );
    const { campaignId: _omit, ...expectedBody } = yaml;
    assert.deepEqual(JSON.parse(req.body), expectedBody, 'the body is the file minus campaignId');
  });

  it('pushes the unsaved editor contents, and leaves the file on disk alone', async () => {
    const file = copyExample('unsaved.campaign.yaml', 'billing-reminder.campaign.yaml');
    const disk = fs.readFileSync(file, 'utf8');
    const doc = await openDoc(file);
    const m = /^name: .*$/m.exec(doc.getText());
    assert.ok(m);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      doc.uri,
      new vscode.Range(doc.positionAt(m.index), doc.positionAt(m.index + m[0].length)),
      'name: Edited in the editor, not saved',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.isDirty);
    const before = pushRequests().length;
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'success', JSON.stringify(outcome));
    assert.equal(
      JSON.parse(
        pushRequests()
          .slice(before)
          .find((r) => r.method === 'PUT')!.body,
      ).name,
      'Edited in the editor, not saved',
    );
    assert.equal(fs.readFileSync(file, 'utf8'), disk, 'the disk copy is untouched');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a file with errors is not pushed: the error names them, Problems opens, nothing reaches the sandbox', async () => {
    const file = copyExample('mistakes.campaign.yaml', 'typical-mistakes.campaign.yaml');
    // The file has no campaignId or a valid one: validation must stop before either matters.
    const before = pushRequests().length;
    const outcome = await push(file);
    assert.equal(outcome, undefined);
    await sleep(300);
    assert.equal(pushRequests().length, before, 'no request was sent');
    const err = ui.messages('error');
    assert.ok(
      err.some((m) => /Nothing was pushed: .* has \d+ errors? \(first on line \d+\)/.test(m)),
      `error message: ${JSON.stringify(err)}`,
    );
  });

  it('the platform answers 400: its message is shown and a diagnostic lands on the named field', async () => {
    const file = copyExample('platform400.campaign.yaml', 'billing-reminder.campaign.yaml');
    const msg = 'Contact list does not exist on this account.';
    // Armed when the push is confirmed, i.e. after the read that planned it: the PUT gets the 400.
    ui.click(/^Push platform400/, 'Push', () => sandbox!.faults.failNext(1, 400, undefined, [{ msg, field: 'contactLists[0]' }]));
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'invalid', JSON.stringify(outcome));
    assert.equal(outcome?.status, 400);
    const err = ui.messages('error');
    assert.ok(
      err.some((m) => m.includes('Editor test sandbox refused the campaign (HTTP 400)') && m.includes(msg)),
      `error: ${JSON.stringify(err)}`,
    );
    const doc = await openDoc(file);
    const diags = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Kore.ai platform');
    assert.equal(diags.length, 1, `platform diagnostics: ${JSON.stringify(diags)}`);
    const lines = doc.getText().split('\n');
    const listLine = lines.findIndex((l, i) => i > lines.findIndex((k) => k.startsWith('contactLists:')) && /^\s*-\s/.test(l));
    assert.equal(diags[0].range.start.line, listLine, 'on the first contact list entry');
    assert.match(diags[0].message, new RegExp(`Editor test sandbox: ${msg.replace(/\./g, '\\.')}`));
  });

  it('401: wrong secret -> credentials rejected, "Update Credentials" stores new ones, the next push succeeds', async () => {
    await addConnection(ui, sandbox!, 'Wrong secret', 'not-the-secret');
    const file = copyExample('creds.campaign.yaml', 'billing-reminder.campaign.yaml');
    ui.clear();
    // Clicking "Update Credentials" asks for the kind, the Client ID and the Client Secret again.
    ui.click(/^Push \S+ to .*\?/, 'Push')
      .click(/rejected the credentials/, 'Update Credentials')
      .pick('Client ID and Client Secret')
      .type(CREDS.clientId, CREDS.clientSecret);
    const before = pushRequests().length;
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'credentials-rejected', JSON.stringify(outcome));
    assert.equal(outcome?.status, 401);
    assert.equal(pushRequests()[before].status, 401);
    const err = ui.messages('error').find((m) => /Wrong secret rejected the credentials \(HTTP 401\)/.test(m));
    assert.ok(err, `messages: ${JSON.stringify(ui.messages())}`);
    assert.ok(!err.includes('not-the-secret'), 'the secret is never shown');
    await waitFor(
      () => ui.messages('info'),
      (m) => m.some((x) => /Credentials for Wrong secret updated/.test(x)),
      10_000,
      'credentials update',
    );
    ui.assertConsumed();
    const again = await push(file);
    assert.equal(again?.kind, 'success', JSON.stringify(again));
  });

  it('no campaignId in the file: it is asked for, and "Write to File" adds one line, comments kept', async () => {
    const file = copyExample('no-id.campaign.yaml', 'billing-reminder.campaign.yaml');
    const original = fs.readFileSync(file, 'utf8');
    const withoutId = original
      .split('\n')
      .filter((l) => !l.startsWith('campaignId:'))
      .join('\n');
    assert.notEqual(withoutId, original, 'the example has a campaignId line to remove');
    fs.writeFileSync(file, withoutId);
    ui.click(/has no campaignId/, 'Enter Campaign Id')
      .type(CAMPAIGN_ID)
      .click(/Write "campaignId: /, 'Write to File');
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'success', JSON.stringify(outcome));
    ui.assertConsumed();
    const after = await waitFor(
      () => fs.readFileSync(file, 'utf8'),
      (t) => t.includes(`campaignId: ${CAMPAIGN_ID}`),
      5_000,
      'campaignId written and saved',
    );
    const added = after.split('\n').filter((l) => !withoutId.split('\n').includes(l));
    assert.deepEqual(added, [`campaignId: ${CAMPAIGN_ID}`], 'exactly one line added');
    for (const comment of withoutId.split('\n').filter((l) => l.includes('#'))) assert.ok(after.includes(comment), `kept: ${comment}`);
  });

  it('503 twice, then 200: retried (3 requests in all) and pushed', async () => {
    const file = copyExample('retry.campaign.yaml', 'billing-reminder.campaign.yaml');
    ui.click(/^Push retry/, 'Push', () => sandbox!.faults.failNext(2, 503, 0));
    const before = pushRequests().length;
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'success', JSON.stringify(outcome));
    assert.deepEqual(
      pushRequests()
        .slice(before)
        .map((r) => `${r.method} ${r.status}`),
      ['GET 200', 'PUT 503', 'PUT 503', 'PUT 200'],
    );
  });

  it('unknown campaignId: 404, "no campaign with that id on that connection"', async () => {
    const file = copyExample('unknown-id.campaign.yaml', 'billing-reminder.campaign.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(CAMPAIGN_ID, 'cd-00000000-0000-4000-8000-0000000000ff'));
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'not-found', JSON.stringify(outcome));
    // The active connection is the one added last ("Wrong secret", whose credentials were updated).
    assert.ok(
      ui.messages('error').some((m) => /^No campaign cd-00000000-0000-4000-8000-0000000000ff on Wrong secret \(HTTP 404\)/.test(m)),
      JSON.stringify(ui.messages('error')),
    );
  });

  it('a workspace\'s preferredConnection is asked about once before it is followed; "Keep" is remembered too', async () => {
    const file = copyExample('preferred.campaign.yaml', 'billing-reminder.campaign.yaml');
    const settings = vscode.workspace.getConfiguration('koreCampaign');
    const question = /^This workspace's settings \(koreCampaign\.preferredConnection\) ask to push to "(.*?)"/;
    try {
      // The current connection is "Wrong secret" (added last); the workspace names another one.
      await settings.update('preferredConnection', 'Editor test sandbox', vscode.ConfigurationTarget.Workspace);
      ui.click(question, 'Use Editor test sandbox');
      const followed = await push(file);
      assert.equal(followed?.kind, 'success', JSON.stringify(followed));
      assert.deepEqual(
        ui
          .messages('warning')
          .filter((m) => question.test(m))
          .map((m) => question.exec(m)![1]),
        ['Editor test sandbox'],
      );
      assert.match(followed!.message, / to Editor test sandbox /);
      ui.clear();
      // A push plans first: each push below changes the campaign so there is something to send.
      ui.click(/^Push \S+ to .*\?/, 'Push');
      await rename(file, 'Preferred 2');
      assert.match((await push(file))!.message, / to Editor test sandbox /);
      assert.deepEqual(
        ui.messages('warning').filter((m) => question.test(m)),
        [],
        'asked once per workspace',
      );

      await settings.update('preferredConnection', 'Wrong secret', vscode.ConfigurationTarget.Workspace);
      ui.click(question, 'Keep Editor test sandbox');
      await rename(file, 'Preferred 3');
      assert.match((await push(file))!.message, / to Editor test sandbox /, 'kept');
      assert.equal(ui.messages('warning').filter((m) => question.test(m)).length, 1);
      ui.clear();
      ui.click(/^Push \S+ to .*\?/, 'Push');
      await rename(file, 'Preferred 4');
      assert.match((await push(file))!.message, / to Editor test sandbox /);
      assert.deepEqual(
        ui.messages('warning').filter((m) => question.test(m)),
        [],
        'the "Keep" answer is remembered',
      );
    } finally {
      await settings.update('preferredConnection', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it("a rule switched off in the settings no longer blocks the push: the same options as the editor's diagnostics", async () => {
    const file = copyExample('rule-off.campaign.yaml', 'billing-reminder.campaign.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('end: "6:00 PM" }', 'end: "18:00" }'));
    const doc = await openDoc(file);
    const timeFormat = () =>
      vscode.languages
        .getDiagnostics(doc.uri)
        .filter((d) => d.source === 'kore-campaign' && String(typeof d.code === 'object' ? d.code.value : d.code) === 'time-format');
    await waitFor(timeFormat, (list) => list.length === 1, 15_000, 'the editor reports the 24-hour time');
    const before = pushRequests().length;
    assert.equal(await push(file), undefined, 'with every rule on, the error stops the push');
    assert.equal(pushRequests().length, before);

    const config = vscode.workspace.getConfiguration('koreCampaign', doc.uri);
    await config.update('validate.rules', { 'time-format': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(timeFormat, (list) => list.length === 0, 15_000, 'the editor drops time-format once it is off');
      const outcome = await push(file);
      // The read that plans the push, then the PUT.
      assert.deepEqual(
        pushRequests()
          .slice(before)
          .map((r) => r.method),
        ['GET', 'PUT'],
        `the file was sent; messages: ${JSON.stringify(ui.messages())}`,
      );
      assert.match(
        JSON.parse(pushRequests()[before + 1].body)
          .dialingStrategy.callingHours.days.map((d: { end: string }) => d.end)
          .join(' '),
        /18:00/,
      );
      // The sandbox checks as the platform does: it refuses the time the settings let through.
      assert.equal(outcome?.kind, 'invalid', JSON.stringify(outcome));
    } finally {
      await config.update('validate.rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
