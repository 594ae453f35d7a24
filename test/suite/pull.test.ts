// Pull Campaign... and Pull All Campaigns inside the real extension host, against a sandbox
// started by the test (seeded with more than one page of campaigns, one of them Active). The
// campaign pick is VS Code's real quick pick: the test types into it and accepts an item with
// the workbench's own command, as a user pressing Enter would.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import type { Sandbox } from '../../sandbox/src';
import { sleep, waitFor, workspaceRoot, wsPath } from './helpers';
import { sandboxConnectionSuite, writeCampaign } from './roundTripHelpers';
import type { ScriptedUi } from './scriptedUi';

const CONNECTION = 'Pull test sandbox';

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Runs Pull Campaign..., waits for the real pick to list the item, types `search` and presses Enter on it. */
async function pullThroughPick(
  ui: ScriptedUi,
  search: string,
  isItem = (i: vscode.QuickPickItem) => i.label === search,
): Promise<vscode.Uri | undefined> {
  const before = ui.quickPicks.length;
  const running = vscode.commands.executeCommand<vscode.Uri | undefined>('koreCampaign.pullCampaign');
  const pick = await waitFor(
    () => ui.quickPicks[before],
    (p) => !!p,
    10_000,
    'the campaign pick',
  );
  await waitFor(
    () => pick.items.some(isItem),
    (found) => found,
    15_000,
    `"${search}" in the pick`,
  );
  pick.value = search;
  pick.activeItems = [pick.items.find(isItem)!];
  await sleep(100);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return running;
}

function idByName(sandbox: Sandbox, name: string): string {
  const found = [...sandbox.campaigns].find(([, c]) => c.data.name === name);
  assert.ok(found, `the sandbox holds a campaign named ${name}`);
  return found[0];
}

describe('Pull Campaign and Pull All Campaigns against the sandbox', function () {
  this.timeout(60_000);
  const { ui, sandbox } = sandboxConnectionSuite('pull', CONNECTION);

  it('the pick shows the first page at once, busy, and appends the next pages as they arrive', async () => {
    const total = sandbox.campaigns.size;
    sandbox.faults.setDelay(400);
    const before = ui.quickPicks.length;
    const running = vscode.commands.executeCommand('koreCampaign.pullCampaign');
    const pick = await waitFor(
      () => ui.quickPicks[before],
      (p) => !!p,
      10_000,
      'the campaign pick',
    );
    assert.equal(pick.title, `Pull a campaign from ${CONNECTION}`);
    const partial = await waitFor(
      () => ({ n: pick.items.length, busy: pick.busy }),
      (s) => s.n > 0,
      10_000,
      'the first page',
    );
    assert.ok(partial.busy && partial.n < total, `first page shown while more are loading: ${JSON.stringify(partial)} of ${total}`);
    await waitFor(
      () => ({ n: pick.items.length, busy: pick.busy }),
      (s) => !s.busy,
      20_000,
      'the last page',
    );
    assert.equal(pick.items.length, total, 'every campaign, each once');
    assert.ok(pick.matchOnDescription && pick.matchOnDetail, 'searchable by status, mode, date and id');
    const active = pick.items.find((i) => i.label === 'Spring Sale Live Calls');
    assert.ok(active, 'the Active campaign is listed');
    assert.match(active.description ?? '', /^Active · Progressive$/);
    assert.match(active.detail ?? '', /^updated \d{4}-\d\d-\d\d \d\d:\d\d UTC · cd-/);
    pick.hide();
    assert.equal(await running, undefined, 'dismissed: nothing pulled');
  });

  it('pulls the chosen campaign into <name-as-slug>.campaign.yaml, opens it, and the file holds what the platform has', async () => {
    const name = 'Spring Sale Live Calls';
    const id = idByName(sandbox, name);
    const uri = await pullThroughPick(ui, name);
    assert.ok(uri, `pulled; messages: ${JSON.stringify(ui.messages())}`);
    assert.equal(uri.fsPath, path.join(workspaceRoot(), `${slugOf(name)}.campaign.yaml`));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'opened');
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    const file = parseYaml(text) as Record<string, unknown>;
    assert.equal(Object.keys(file)[0], 'campaignId', `campaignId first:\n${text}`);
    assert.equal(file.campaignId, id);
    const remote = sandbox.campaigns.get(id)!.data;
    for (const key of ['name', 'dialingMode', 'priority', 'contactLists', 'dialingStrategy']) assert.deepEqual(file[key], remote[key], key);
    for (const owned of ['status', 'lname', 'createdAt', 'updatedAt', '_id'])
      assert.equal(file[owned], undefined, `${owned} is the platform's, not the file's`);
    const told = ui
      .messages('info')
      .find((m) => m.startsWith(`Pulled '${name}' from ${CONNECTION} (Active) into ${slugOf(name)}.campaign.yaml.`));
    assert.ok(told, JSON.stringify(ui.messages()));
    assert.doesNotMatch(told, /did not return/, 'a complete read needs no note');
  });

  it('a partial read still gives a file, which says (as does the message) what the author must fill in', async () => {
    sandbox.faults.partialReads(true);
    const name = 'Appointment Reminder Wave 1';
    const uri = await pullThroughPick(ui, name);
    assert.ok(uri, JSON.stringify(ui.messages()));
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    const missing = 'dialingStrategy.dialingOrder, dialingStrategy.maxAttemptsPerRecord, queue_name';
    assert.match(text, new RegExp(`^# Not returned by the platform, fill in before pushing: ${missing}$`, 'm'));
    const told = ui.messages('info').find((m) => m.startsWith(`Pulled '${name}'`));
    assert.ok(told?.includes(`The platform did not return ${missing}; fill them in before pushing.`), told);
    assert.equal(parseYaml(text).queue_name, undefined, 'nothing invented for what the platform did not say');
  });

  it("a second campaign with the same name gets a suffix, never another campaign's file", async () => {
    // The sandbox seeds several campaigns with this name; examples/ already holds the first one's file.
    const name = 'Billing Reminder Voice Campaign';
    // Not ...0002: test/fixtures/platform/contact-lists.campaign.yaml holds that id, so a pull of it updates that file.
    const [firstId, otherId] = ['cd-00000000-0000-4000-8000-000000000001', 'cd-00000000-0000-4000-8000-000000000003'];
    const byId = (id: string) => (i: vscode.QuickPickItem) => !!i.detail?.endsWith(id);
    const first = await pullThroughPick(ui, firstId, byId(firstId));
    assert.equal(first?.fsPath, path.join(workspaceRoot(), `${slugOf(name)}.campaign.yaml`), JSON.stringify(ui.messages()));
    // The same campaign again: the file that holds its id is found (and nothing changed, so nothing is asked).
    const again = await pullThroughPick(ui, firstId, byId(firstId));
    assert.equal(again?.fsPath, first.fsPath, 'the file that holds the id is the one updated');
    assert.ok(
      ui.messages('info').some((m) => m.includes('found no change in')),
      JSON.stringify(ui.messages()),
    );
    // Another campaign of that name, chosen by its id (the pick matches on the detail line).
    const second = await pullThroughPick(ui, otherId, byId(otherId));
    assert.equal(second?.fsPath, path.join(workspaceRoot(), `${slugOf(name)}-2.campaign.yaml`), JSON.stringify(ui.shown.slice(-6)));
    assert.equal(parseYaml(fs.readFileSync(second!.fsPath, 'utf8')).campaignId, otherId);
    assert.equal(parseYaml(fs.readFileSync(first.fsPath, 'utf8')).campaignId, firstId, 'the first file is untouched');
  });

  it('an existing file with that campaignId is updated in place, comments and key order kept; outside git it asks first', async () => {
    const name = 'Renewals Wave 2';
    const id = idByName(sandbox, name);
    const remote = sandbox.campaigns.get(id)!.data;
    const mine = [
      '# Renewals, owned by the retention team',
      `campaignId: ${id}`,
      `name: ${name} (old name)   # renamed on the platform since`,
      `dialingMode: ${String(remote.dialingMode)}`,
      '',
    ].join('\n');
    const file = writeCampaign('pull-existing', 'my-renewals.campaign.yaml', mine);

    // Declined: nothing is written.
    const declined = await pullThroughPick(ui, name);
    assert.equal(declined, undefined);
    const question = ui.shown.find((s) => s.kind === 'warning' && s.modal);
    assert.ok(question, `a modal question: ${JSON.stringify(ui.shown)}`);
    assert.match(question.text, /my-renewals\.campaign\.yaml is not in a git repository/);
    assert.equal(fs.readFileSync(file, 'utf8'), mine, 'untouched');

    ui.click(/my-renewals\.campaign\.yaml/, 'Overwrite Local Changes');
    const uri = await pullThroughPick(ui, name);
    assert.equal(uri?.fsPath, file, 'the same file, not a new one');
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(
      text.startsWith(`# Renewals, owned by the retention team\ncampaignId: ${id}\nname: ${name}   # renamed on the platform since\n`),
      text,
    );
    assert.deepEqual(parseYaml(text).dialingStrategy, remote.dialingStrategy, 'fields the file lacked are added');
    assert.ok(!fs.existsSync(path.join(workspaceRoot(), `${slugOf(name)}.campaign.yaml`)), 'no second file');
  });

  it('a file committed to git is updated without a question; unsaved editor changes are asked about', async () => {
    const name = 'Collections Wave 1';
    const id = idByName(sandbox, name);
    const file = writeCampaign('pull-git', 'collections.campaign.yaml', `# committed\ncampaignId: ${id}\nname: Collections (before)\n`);
    const repo = path.dirname(file);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'campaign');

    const uri = await pullThroughPick(ui, name);
    assert.equal(uri?.fsPath, file);
    assert.ok(!ui.shown.some((s) => s.modal), `no question for a committed file: ${JSON.stringify(ui.shown)}`);
    assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`^# committed\ncampaignId: ${id}\nname: ${name}\n`));

    // Now an unsaved edit in the editor (on top of the committed change): asked, and declining keeps it.
    const doc = await vscode.workspace.openTextDocument(file);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), '# my unsaved note\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    sandbox.campaigns.get(id)!.data.description = 'Changed on the platform';
    ui.clear();
    assert.equal(await pullThroughPick(ui, name), undefined);
    assert.ok(
      ui.shown.some((s) => s.modal && /collections\.campaign\.yaml has unsaved changes in the editor/.test(s.text)),
      JSON.stringify(ui.shown),
    );
    assert.ok(doc.isDirty && doc.getText().startsWith('# my unsaved note\n'), 'the unsaved text is kept');
    await vscode.commands.executeCommand('workbench.action.files.revert', doc.uri);
  });

  it('Pull All Campaigns writes every campaign into the chosen folder; a second run changes nothing', async () => {
    const folder = vscode.Uri.file(wsPath('pulled-all'));
    fs.mkdirSync(folder.fsPath, { recursive: true });
    ui.chooseFolder(folder);
    const result = await vscode.commands.executeCommand<{ counts: Record<string, number>; files: vscode.Uri[] }>(
      'koreCampaign.pullAllCampaigns',
    );
    ui.assertConsumed();
    const total = sandbox.campaigns.size;
    assert.deepEqual(result?.counts, { created: total, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
    const files = fs.readdirSync(folder.fsPath).filter((f) => f.endsWith('.campaign.yaml'));
    assert.equal(files.length, total);
    const ids = files.map((f) => parseYaml(fs.readFileSync(path.join(folder.fsPath, f), 'utf8')).campaignId).sort();
    assert.deepEqual(ids, [...sandbox.campaigns.keys()].sort(), 'one file per campaign');
    assert.ok(
      ui.messages('info').some((m) => m.startsWith(`Pulled ${total} campaigns from ${CONNECTION} into pulled-all: ${total} created.`)),
      JSON.stringify(ui.messages()),
    );
    const gets = sandbox.requests.filter((r) => r.method === 'GET').length;
    assert.ok(gets >= total, 'each campaign read by id (the list lacks the dialing strategy)');

    ui.clear();
    ui.chooseFolder(folder);
    const again = await vscode.commands.executeCommand<{ counts: Record<string, number> }>('koreCampaign.pullAllCampaigns');
    assert.deepEqual(again?.counts, { created: 0, updated: 0, unchanged: total, skipped: 0, failed: 0 });
  });

  it('Pull All asks once about files with local changes, and "Skip Them" leaves them alone', async () => {
    const folder = vscode.Uri.file(wsPath('pulled-all'));
    const name = 'Survey Wave 1';
    const id = idByName(sandbox, name);
    sandbox.campaigns.get(id)!.data.description = 'Edited on the platform';
    const file = path.join(folder.fsPath, `${slugOf(name)}.campaign.yaml`);
    const before = fs.readFileSync(file, 'utf8');
    ui.chooseFolder(folder).click(/local changes that pulling/, 'Skip Them');
    const result = await vscode.commands.executeCommand<{ counts: Record<string, number> }>('koreCampaign.pullAllCampaigns');
    const question = ui.shown.find((s) => s.modal);
    assert.ok(question?.detail?.includes(`pulled-all/${slugOf(name)}.campaign.yaml is not in a git repository`), JSON.stringify(question));
    assert.equal(result?.counts.skipped, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), before, 'skipped: untouched');
  });

  it('a list the platform refuses (401) says so and offers to update the credentials', async () => {
    sandbox.faults.failNext(1, 401);
    const result = await vscode.commands.executeCommand('koreCampaign.pullCampaign');
    assert.equal(result, undefined);
    await waitFor(
      () => ui.messages('error'),
      (m) => m.length > 0,
      5_000,
      'the error',
    );
    assert.match(ui.messages('error')[0], /HTTP 401/);
    assert.ok(ui.shown.find((s) => s.kind === 'error')?.items?.includes('Update Credentials'));
  });
});
