// Push Campaign, end to end inside the real extension host: a sandbox started by the test
// (its own client id/secret/IID/account), a connection and its credentials added through the
// extension's own commands (koreCampaign.addConnection: the guided quick pick and input
// boxes, answered by a script), then koreCampaign.pushCampaign.
//
// The dialogs are answered by replacing `vscode.window.show*` on the extension's API object:
// VS Code hands one API object per extension, and this suite lives inside the extension's
// folder, so the extension's prompts come here. Every prompt and message is recorded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { jwtVerify } from 'jose';
import { startSandbox } from '../../sandbox/src';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import { installFakeQuickInputs } from './fakeQuickInput';
import { activateExtension, closeAllEditors, openDoc, sleep, waitFor, wsPath } from './helpers';

type Sandbox = Awaited<ReturnType<NonNullable<typeof startSandbox>>>;

const CREDS = {
  clientId: 'cs-editor-test-0000-4000-8000-00000000abcd',
  clientSecret: 'editor-test-secret-0123456789abcdef0123456789',
  iid: 'st-editor-test-0000-4000-8000-00000000abcd',
  accountId: 'acct-editor-test-1',
};
const CAMPAIGN_ID = 'cd-ed19e3c7-3682-5e72-a839-af9e07110001';

// ---- Scripted UI ------------------------------------------------------------------------------

interface Shown { kind: 'info' | 'warning' | 'error' | 'quickPick' | 'inputBox'; text: string; items?: string[] }

/** Answers for prompts, consumed in order; messages are answered by matchers. */
class ScriptedUi {
  readonly shown: Shown[] = [];
  private quickPicks: ((labels: string[]) => string | undefined)[] = [];
  private inputs: string[] = [];
  private buttons: { match: RegExp; choose: string }[] = [];
  private originals: Partial<typeof vscode.window> = {};
  private restoreQuickInputs: (() => void) | undefined;

  pick(label: string | undefined): this { this.quickPicks.push(() => label); return this; }
  type(...values: string[]): this { this.inputs.push(...values); return this; }
  click(match: RegExp, choose: string): this { this.buttons.push({ match, choose }); return this; }
  messages(kind?: Shown['kind']): string[] { return this.shown.filter((s) => !kind || s.kind === kind).map((s) => s.text); }
  clear(): void { this.shown.length = 0; this.buttons = []; }
  assertConsumed(): void {
    assert.deepEqual({ quickPicks: this.quickPicks.length, inputs: this.inputs.length }, { quickPicks: 0, inputs: 0 }, 'every scripted answer was asked for');
  }

  install(): void {
    // The multi-step inputs (Add Connection, credentials) take answers from the same queues.
    this.restoreQuickInputs = installFakeQuickInputs(
      (shown) => {
        if (shown.type === 'input') {
          const value = this.inputs.shift();
          assert.ok(value !== undefined, `unexpected input box "${shown.title}"`);
          return value;
        }
        const next = this.quickPicks.shift();
        assert.ok(next, `unexpected quick pick "${shown.title}" (${shown.items?.join(', ')})`);
        return next(shown.items ?? []);
      },
      (shown) => this.shown.push({ kind: shown.type === 'pick' ? 'quickPick' : 'inputBox', text: shown.title, items: shown.items }),
    );
    const w = vscode.window as unknown as Record<string, unknown>;
    for (const k of ['showQuickPick', 'showInputBox', 'showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const) {
      (this.originals as Record<string, unknown>)[k] = w[k];
    }
    w.showQuickPick = async (items: readonly (string | vscode.QuickPickItem)[] | Thenable<readonly (string | vscode.QuickPickItem)[]>, options?: vscode.QuickPickOptions) => {
      const list = await items;
      const labels = list.map((i) => (typeof i === 'string' ? i : i.label));
      this.shown.push({ kind: 'quickPick', text: options?.title ?? '', items: labels });
      const next = this.quickPicks.shift();
      assert.ok(next, `unexpected quick pick "${options?.title}" (${labels.join(', ')})`);
      const want = next(labels);
      if (want === undefined) return undefined;
      const item = list.find((i) => (typeof i === 'string' ? i : i.label) === want);
      assert.ok(item, `quick pick "${options?.title}" has no item "${want}"; items: ${labels.join(', ')}`);
      return item;
    };
    w.showInputBox = async (options?: vscode.InputBoxOptions) => {
      this.shown.push({ kind: 'inputBox', text: options?.title ?? options?.prompt ?? '' });
      const value = this.inputs.shift();
      assert.ok(value !== undefined, `unexpected input box "${options?.title}"`);
      // The extension's own validation runs on what the user "typed".
      const problem = await options?.validateInput?.(value);
      const message = typeof problem === 'string' ? problem : problem && problem.severity === vscode.InputBoxValidationSeverity.Error ? problem.message : undefined;
      assert.ok(!message, `input "${value}" for "${options?.title}" was refused: ${message}`);
      return value;
    };
    const message = (kind: Shown['kind']) => async (text: string, ...rest: unknown[]) => {
      const items = rest.filter((r): r is string => typeof r === 'string');
      this.shown.push({ kind, text, items });
      return this.buttons.find((b) => b.match.test(text) && items.includes(b.choose))?.choose;
    };
    w.showInformationMessage = message('info');
    w.showWarningMessage = message('warning');
    w.showErrorMessage = message('error');
  }

  restore(): void {
    this.restoreQuickInputs?.();
    Object.assign(vscode.window as unknown as Record<string, unknown>, this.originals);
  }
}

// ---- Helpers ----------------------------------------------------------------------------------

function copyExample(name: string, from: string): string {
  const src = wsPath('examples', from);
  assert.ok(fs.existsSync(src), `examples/${from} exists`);
  const dest = wsPath('push', name);
  fs.mkdirSync(wsPath('push'), { recursive: true });
  fs.copyFileSync(src, dest);
  return dest;
}

interface PushOutcomeLike { kind: string; status?: number; message: string }

async function push(file: string): Promise<PushOutcomeLike | undefined> {
  const doc = await openDoc(file);
  return vscode.commands.executeCommand<PushOutcomeLike | undefined>('koreCampaign.pushCampaign', doc.uri);
}

async function addConnection(ui: ScriptedUi, sandbox: Sandbox, name: string, secret: string): Promise<void> {
  // The host step takes a typed URL as its answer.
  ui.pick(sandbox.url)
    .type(CREDS.iid, CREDS.accountId)
    .type(name)
    .pick('Client ID and Client Secret')
    .type(CREDS.clientId, secret);
  // addConnection asks for the name with a pre-filled value: the script types a full name.
  await vscode.commands.executeCommand('koreCampaign.addConnection');
  ui.assertConsumed();
}

// ---- Tests ------------------------------------------------------------------------------------

describe('Push Campaign against the sandbox', function () {
  this.timeout(60_000);
  let sandbox: Sandbox | undefined;
  const ui = new ScriptedUi();

  before(async function () {
    await activateExtension();
    sandbox = await startSandbox({ port: 0, ...CREDS });
    ui.install();
  });
  after(async () => {
    ui.restore();
    await sandbox?.stop();
    await closeAllEditors();
  });
  beforeEach(() => ui.clear());

  it('a fresh install offers the "Local sandbox" connection', async () => {
    ui.pick(undefined);
    await vscode.commands.executeCommand('koreCampaign.selectConnection');
    const pick = ui.shown.find((s) => s.kind === 'quickPick');
    assert.ok(pick?.items?.includes('Local sandbox'), `connections offered: ${JSON.stringify(pick?.items)}`);
  });

  it('Add Connection stores the connection and its secret (through the extension\'s own prompts)', async () => {
    await addConnection(ui, sandbox!, 'Editor test sandbox', CREDS.clientSecret);
    assert.ok(ui.messages('info').some((m) => /Editor test sandbox .* added and selected/.test(m)), `messages: ${JSON.stringify(ui.messages())}`);
    const secretBox = ui.shown.filter((s) => s.kind === 'inputBox').map((s) => s.text);
    assert.ok(secretBox.some((t) => /Client Secret/.test(t)), `the secret was asked for: ${JSON.stringify(secretBox)}`);
  });

  it('pushes a valid campaign: 200, success message, and the sandbox got exactly the expected request', async () => {
    const file = copyExample('valid.campaign.yaml', 'billing-reminder.campaign.yaml');
    const before = sandbox!.requests.length;
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'success', `outcome: ${JSON.stringify(outcome)}; messages: ${JSON.stringify(ui.messages())}`);
    const yaml = parseYaml(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.equal(yaml.campaignId, CAMPAIGN_ID, 'the example carries a campaign id the sandbox knows');
    await waitFor(() => ui.messages('info'), (m) => m.some((x) => x.startsWith('Pushed ')), 5_000, 'the success message');
    const success = ui.messages('info').find((x) => x.startsWith('Pushed '))!;
    assert.match(success, new RegExp(`^Pushed '${String(yaml.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' to Editor test sandbox \\(.*Ready.*\\)`));

    const reqs = sandbox!.requests.slice(before);
    assert.equal(reqs.length, 1, 'exactly one request');
    const [req] = reqs;
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
    assert.ok(typeof payload.iat === 'number' && typeof payload.exp === 'number' && payload.exp > payload.iat && payload.exp - payload.iat <= 3600, 'iat/exp');
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
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(m.index), doc.positionAt(m.index + m[0].length)), 'name: Edited in the editor, not saved');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.isDirty);
    const before = sandbox!.requests.length;
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'success', JSON.stringify(outcome));
    assert.equal(JSON.parse(sandbox!.requests[before].body).name, 'Edited in the editor, not saved');
    assert.equal(fs.readFileSync(file, 'utf8'), disk, 'the disk copy is untouched');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a file with errors is not pushed: the error names them, Problems opens, nothing reaches the sandbox', async () => {
    const file = copyExample('mistakes.campaign.yaml', 'typical-mistakes.campaign.yaml');
    // The file has no campaignId or a valid one: validation must stop before either matters.
    const before = sandbox!.requests.length;
    const outcome = await push(file);
    assert.equal(outcome, undefined);
    await sleep(300);
    assert.equal(sandbox!.requests.length, before, 'no request was sent');
    const err = ui.messages('error');
    assert.ok(err.some((m) => /Nothing was pushed: .* has \d+ errors? \(first on line \d+\)/.test(m)), `error message: ${JSON.stringify(err)}`);
  });

  it('the platform answers 400: its message is shown and a diagnostic lands on the named field', async () => {
    const file = copyExample('platform400.campaign.yaml', 'billing-reminder.campaign.yaml');
    const msg = 'Contact list does not exist on this account.';
    sandbox!.faults.failNext(1, 400, undefined, [{ msg, field: 'contactLists[0]' }]);
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'invalid', JSON.stringify(outcome));
    assert.equal(outcome?.status, 400);
    const err = ui.messages('error');
    assert.ok(err.some((m) => m.includes('Editor test sandbox refused the campaign (HTTP 400)') && m.includes(msg)), `error: ${JSON.stringify(err)}`);
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
    ui.click(/rejected the credentials/, 'Update Credentials').pick('Client ID and Client Secret').type(CREDS.clientId, CREDS.clientSecret);
    const before = sandbox!.requests.length;
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'credentials-rejected', JSON.stringify(outcome));
    assert.equal(outcome?.status, 401);
    assert.equal(sandbox!.requests[before].status, 401);
    const err = ui.messages('error').find((m) => /Wrong secret rejected the credentials \(HTTP 401\)/.test(m));
    assert.ok(err, `messages: ${JSON.stringify(ui.messages())}`);
    assert.ok(!err.includes('not-the-secret'), 'the secret is never shown');
    await waitFor(() => ui.messages('info'), (m) => m.some((x) => /Credentials for Wrong secret updated/.test(x)), 10_000, 'credentials update');
    ui.assertConsumed();
    const again = await push(file);
    assert.equal(again?.kind, 'success', JSON.stringify(again));
  });

  it('no campaignId in the file: it is asked for, and "Write to File" adds one line, comments kept', async () => {
    const file = copyExample('no-id.campaign.yaml', 'billing-reminder.campaign.yaml');
    const original = fs.readFileSync(file, 'utf8');
    const withoutId = original.split('\n').filter((l) => !l.startsWith('campaignId:')).join('\n');
    assert.notEqual(withoutId, original, 'the example has a campaignId line to remove');
    fs.writeFileSync(file, withoutId);
    ui.type(CAMPAIGN_ID).click(/Write "campaignId: /, 'Write to File');
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'success', JSON.stringify(outcome));
    ui.assertConsumed();
    const after = await waitFor(() => fs.readFileSync(file, 'utf8'), (t) => t.includes(`campaignId: ${CAMPAIGN_ID}`), 5_000, 'campaignId written and saved');
    const added = after.split('\n').filter((l) => !withoutId.split('\n').includes(l));
    assert.deepEqual(added, [`campaignId: ${CAMPAIGN_ID}`], 'exactly one line added');
    for (const comment of withoutId.split('\n').filter((l) => l.includes('#'))) assert.ok(after.includes(comment), `kept: ${comment}`);
  });

  it('503 twice, then 200: retried (3 requests in all) and pushed', async () => {
    const file = copyExample('retry.campaign.yaml', 'billing-reminder.campaign.yaml');
    sandbox!.faults.failNext(2, 503, 0);
    const before = sandbox!.requests.length;
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'success', JSON.stringify(outcome));
    assert.deepEqual(sandbox!.requests.slice(before).map((r) => r.status), [503, 503, 200]);
  });

  it('unknown campaignId: 404, "no campaign with that id on that connection"', async () => {
    const file = copyExample('unknown-id.campaign.yaml', 'billing-reminder.campaign.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(CAMPAIGN_ID, 'cd-00000000-0000-4000-8000-0000000000ff'));
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'not-found', JSON.stringify(outcome));
    // The active connection is the one added last ("Wrong secret", whose credentials were updated).
    assert.ok(ui.messages('error').some((m) => /^No campaign cd-00000000-0000-4000-8000-0000000000ff on Wrong secret \(HTTP 404\)/.test(m)),
      JSON.stringify(ui.messages('error')));
  });

  it('a rule switched off in the settings no longer blocks the push: the same options as the editor\'s diagnostics', async () => {
    const file = copyExample('rule-off.campaign.yaml', 'billing-reminder.campaign.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('end: "6:00 PM" }', 'end: "18:00" }'));
    const doc = await openDoc(file);
    const timeFormat = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'kore-campaign' && String(typeof d.code === 'object' ? d.code.value : d.code) === 'time-format');
    await waitFor(timeFormat, (list) => list.length === 1, 15_000, 'the editor reports the 24-hour time');
    const before = sandbox!.requests.length;
    assert.equal(await push(file), undefined, 'with every rule on, the error stops the push');
    assert.equal(sandbox!.requests.length, before);

    const config = vscode.workspace.getConfiguration('koreCampaign', doc.uri);
    await config.update('validate.rules', { 'time-format': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(timeFormat, (list) => list.length === 0, 15_000, 'the editor drops time-format once it is off');
      const outcome = await push(file);
      assert.equal(sandbox!.requests.length, before + 1, `the file was sent; messages: ${JSON.stringify(ui.messages())}`);
      assert.match(JSON.parse(sandbox!.requests[before].body).dialingStrategy.callingHours.days.map((d: { end: string }) => d.end).join(' '), /18:00/);
      // The sandbox checks as the platform does: it refuses the time the settings let through.
      assert.equal(outcome?.kind, 'invalid', JSON.stringify(outcome));
    } finally {
      await config.update('validate.rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
