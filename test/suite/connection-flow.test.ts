// The connection UX inside the real extension host, answered step by step by a script (the
// extension's own multi-step input code runs; see fakeQuickInput.ts): the step counter and Back,
// a typed host or URL, IID and account id told apart, the secret prompt's wording, Sign Out's
// confirmation, Show Response as a read-only document, Show Problems on a refused push, and
// several files pushed from an explorer selection.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { startSandbox } from '../../sandbox/src';
import { BACK, installFakeQuickInputs, type ScriptedAnswer, type ShownInput } from './fakeQuickInput';
import { activateExtension, closeAllEditors, openDoc, waitFor, wsPath } from './helpers';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
const CREDS = {
  clientId: 'cs-flow-test-0000-4000-8000-00000000abcd',
  clientSecret: 'flow-test-secret-0123456789abcdef0123456789',
  iid: 'st-0603182c-7ffb-53c3-b307-47ca14b9a1b2',
  accountId: '67777ce93e25326494e9a1b2',
};

interface Message {
  kind: 'info' | 'warning' | 'error';
  text: string;
  items: string[];
  modal: boolean;
}

/** Scripted answers for inputs, quick picks and message buttons; everything shown is recorded. */
class Script {
  readonly inputs: ShownInput[] = [];
  readonly messages: Message[] = [];
  private answers: ScriptedAnswer[] = [];
  private picks: (string | undefined)[] = [];
  private buttons: { match: RegExp; choose: string | undefined }[] = [{ match: /^Push \S+ to .*\?/, choose: 'Push' }];
  private restore: (() => void)[] = [];

  answer(...answers: ScriptedAnswer[]): this {
    this.answers.push(...answers);
    return this;
  }
  pick(label: string | undefined): this {
    this.picks.push(label);
    return this;
  }
  click(match: RegExp, choose: string | undefined): this {
    this.buttons.push({ match, choose });
    return this;
  }
  texts(kind: Message['kind']): string[] {
    return this.messages.filter((m) => m.kind === kind).map((m) => m.text);
  }
  reset(): void {
    this.inputs.length = 0;
    this.messages.length = 0;
    // A push plans first and asks before changing a campaign on any connection but the Local sandbox.
    this.buttons = [{ match: /^Push \S+ to .*\?/, choose: 'Push' }];
    assert.deepEqual({ answers: this.answers, picks: this.picks }, { answers: [], picks: [] }, 'every scripted answer was used');
  }

  install(): void {
    this.restore.push(
      installFakeQuickInputs(
        () => {
          assert.ok(this.answers.length, 'the script has no answer left');
          return this.answers.shift();
        },
        (shown) => this.inputs.push(shown),
      ),
    );
    const w = vscode.window as unknown as Record<string, unknown>;
    const originals = {
      showInformationMessage: w.showInformationMessage,
      showWarningMessage: w.showWarningMessage,
      showErrorMessage: w.showErrorMessage,
      showQuickPick: w.showQuickPick,
    };
    this.restore.push(() => Object.assign(w, originals));
    const message =
      (kind: Message['kind']) =>
      async (text: string, ...rest: unknown[]) => {
        const items = rest.filter((r): r is string => typeof r === 'string');
        const modal = rest.some((r) => typeof r === 'object' && r !== null && (r as vscode.MessageOptions).modal === true);
        this.messages.push({ kind, text, items, modal });
        const button = this.buttons.find((b) => b.match.test(text));
        return button && (button.choose === undefined || items.includes(button.choose)) ? button.choose : undefined;
      };
    w.showInformationMessage = message('info');
    w.showWarningMessage = message('warning');
    w.showErrorMessage = message('error');
    w.showQuickPick = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
      const list = await items;
      const want = this.picks.shift();
      return want === undefined ? undefined : list.find((i) => i.label === want);
    };
  }

  uninstall(): void {
    for (const undo of this.restore.splice(0).reverse()) undo();
  }
}

/** What a step showed: `2/7 application id (IID)`, with Back when offered. */
function steps(shown: ShownInput[]): string[] {
  return shown.map(
    (s) => `${s.step}/${s.totalSteps}${s.back ? ' <' : ''} ${s.title.replace(/^(Add Kore\.ai connection|Credentials for [^:]+)(: )?/, '')}`,
  );
}

function copyExample(name: string): vscode.Uri {
  fs.mkdirSync(wsPath('flow'), { recursive: true });
  // A name of its own, so a push (which plans first) always has a change to send.
  const text = fs.readFileSync(wsPath('examples', 'billing-reminder.campaign.yaml'), 'utf8');
  fs.writeFileSync(wsPath('flow', name), text.replace(/^name: .*$/m, `name: Flow ${name.replace(/\.campaign\.yaml$/, '')}`));
  return vscode.Uri.file(wsPath('flow', name));
}

describe('Connections: the guided input and what surrounds a push', function () {
  this.timeout(60_000);
  const script = new Script();
  let sandbox: Sandbox;

  before(async () => {
    await activateExtension();
    sandbox = await startSandbox({ port: 0, ...CREDS });
    script.install();
  });
  after(async () => {
    // Leave no connection behind for the other suites.
    script.pick('Flow test').click(/^Remove the connection Flow test/, 'Remove');
    await vscode.commands.executeCommand('koreCampaign.removeConnection');
    script.uninstall();
    await sandbox.stop();
    await closeAllEditors();
  });
  afterEach(() => script.reset());

  it('Add Connection: one input, step by step, with Back; the IID and account id told apart', async () => {
    script.answer(
      'http://bots.example.com', // refused: http only to this machine
      sandbox.url, // a typed URL is an answer of its own
      'abc', // refused: not st-...
      CREDS.accountId, // refused: an account id in the IID box
      CREDS.iid,
      CREDS.iid, // refused: the IID again in the account box
      BACK,
      CREDS.iid, // the IID step comes back with the answer kept
      CREDS.accountId,
      'Flow test',
      'Paste a JWT',
      BACK, // from the JWT box back to the kind of credentials
      'Client ID and Client Secret',
      CREDS.clientId,
      CREDS.clientSecret,
    );
    await vscode.commands.executeCommand('koreCampaign.addConnection');

    assert.deepEqual(steps(script.inputs), [
      '1/7 where does it push?',
      '2/7 < application id (IID)',
      '3/7 < account id',
      '2/7 < application id (IID)',
      '3/7 < account id',
      '4/7 < name',
      '5/7 < ',
      '6/6 < JWT',
      '5/6 < ',
      '6/7 < Client ID',
      '7/7 < Client Secret',
    ]);
    const [host, iid, account, iidAgain] = script.inputs;
    assert.ok(host.items?.includes('platform.kore.ai') && host.items.includes('Local sandbox'));
    assert.match(host.refused[0].message, /http:\/\/ is only allowed to this machine/);
    assert.deepEqual(
      iid.refused.map((r) => r.answer),
      ['abc', CREDS.accountId],
    );
    assert.match(iid.refused[0].message, /starts with "st-"/);
    assert.match(iid.refused[1].message, /looks like an account id/);
    assert.match(account.refused[0].message, /This is an application id \(IID/);
    assert.equal(iidAgain.value, CREDS.iid, 'going back keeps the answer');
    const secret = script.inputs.at(-1)!;
    assert.equal(secret.password, true);
    assert.match(secret.prompt ?? '', /VS Code's secret storage/);
    assert.doesNotMatch(script.inputs.map((s) => s.prompt ?? '').join(' '), /keychain/i);
    assert.ok(
      script.texts('info').some((m) => m === `Connection Flow test (${sandbox.url}) added and selected.`),
      JSON.stringify(script.messages),
    );
  });

  it('Escape part-way saves nothing', async () => {
    script.answer('platform.kore.ai', CREDS.iid, undefined);
    await vscode.commands.executeCommand('koreCampaign.addConnection');
    assert.deepEqual(steps(script.inputs), ['1/7 where does it push?', '2/7 < application id (IID)', '3/7 < account id']);
    assert.deepEqual(script.texts('info'), []);
  });

  it('a push shows Show Response, which opens a read-only kore-campaign-response: document', async () => {
    const uri = copyExample('show-response.campaign.yaml');
    script.click(/^Pushed /, 'Show Response');
    await openDoc(uri.fsPath);
    const outcome = await vscode.commands.executeCommand<{ kind: string }>('koreCampaign.pushCampaign', uri);
    assert.equal(outcome?.kind, 'success', JSON.stringify(script.messages));
    const editor = await waitFor(
      () => vscode.window.activeTextEditor,
      (e) => e?.document.uri.scheme === 'kore-campaign-response',
      10_000,
      'the response document',
    );
    const document = editor!.document;
    assert.equal(document.languageId, 'json');
    assert.equal(document.isUntitled, false);
    assert.match(document.getText(), /"status"/);
    // Typing into it, as a user would, changes nothing: the editor is read-only.
    const before = document.getText();
    await vscode.commands.executeCommand('type', { text: 'typed by the test' });
    assert.equal(document.getText(), before, 'the response cannot be edited');
    assert.equal(document.isDirty, false);
  });

  it('a file with errors is not pushed; the notification offers Show Problems', async () => {
    const uri = copyExample('with-errors.campaign.yaml');
    fs.writeFileSync(uri.fsPath, fs.readFileSync(uri.fsPath, 'utf8').replace(/^priority: .*$/m, 'priority: 9'));
    const before = sandbox.requests.length;
    await vscode.commands.executeCommand('koreCampaign.pushCampaign', uri);
    const message = await waitFor(
      () => script.messages.find((m) => m.kind === 'error'),
      (m) => !!m,
      5_000,
      'the error notification',
    );
    assert.match(message!.text, /^Nothing was pushed: with-errors\.campaign\.yaml has 1 error \(first on line \d+\)\.$/);
    assert.deepEqual(message!.items, ['Show Problems']);
    assert.equal(sandbox.requests.length, before);
  });

  it('several files selected in the explorer are pushed one after another; others are skipped', async () => {
    const a = copyExample('selected-a.campaign.yaml');
    const b = copyExample('selected-b.campaign.yaml');
    const notes = vscode.Uri.file(wsPath('flow', 'notes.yaml'));
    fs.writeFileSync(notes.fsPath, 'a: 1\n');
    const before = sandbox.requests.length;
    const outcomes = await vscode.commands.executeCommand<{ kind: string }[]>('koreCampaign.pushCampaign', a, [a, notes, b]);
    assert.deepEqual(
      outcomes.map((o) => o?.kind),
      ['success', 'success'],
    );
    // Each push reads the campaign (plan), then sends it: one PUT per campaign file.
    assert.equal(sandbox.requests.slice(before).filter((r) => r.method === 'PUT').length, 2);
    assert.ok(
      script.texts('info').includes('Skipped 1 selected file that is not *.campaign.yaml: notes.yaml.'),
      JSON.stringify(script.messages),
    );
  });

  it('Sign Out asks first (modal); Cancel keeps the credentials', async () => {
    script.pick('Flow test').click(/^Sign out of Flow test/, undefined);
    await vscode.commands.executeCommand('koreCampaign.signOut');
    const ask = script.messages.find((m) => /^Sign out of Flow test/.test(m.text));
    assert.ok(ask?.modal && ask.items.includes('Sign Out'), JSON.stringify(script.messages));
    assert.ok(!script.texts('info').some((m) => /^Signed out/.test(m)));
    // The credentials are still there: a push goes through without asking for any.
    const outcome = await vscode.commands.executeCommand<{ kind: string }>(
      'koreCampaign.pushCampaign',
      copyExample('after-cancel.campaign.yaml'),
    );
    assert.equal(outcome?.kind, 'success');

    script.reset();
    script.pick('Flow test').click(/^Sign out of Flow test/, 'Sign Out');
    await vscode.commands.executeCommand('koreCampaign.signOut');
    assert.ok(
      script.texts('info').some((m) => /^Signed out of Flow test: its credentials were deleted/.test(m)),
      JSON.stringify(script.messages),
    );
  });
});
