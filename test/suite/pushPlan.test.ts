// Push plans first, inside the real extension host against sandboxes started by the test: the
// campaign is read and compared before anything is sent; a modal lists the changes (except
// for the Local sandbox, or with koreCampaign.push.confirmChanges off); an Active campaign
// needs "Overwrite Active Campaign"; a file without campaignId, or with an id the connection
// does not know, can be created instead.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import { SANDBOX_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox/src';
import { openDoc, waitFor } from './helpers';
import { pulledText, requestsSince, sandboxConnectionSuite, withValue, writeCampaign } from './roundTripHelpers';

const CONNECTION = 'Plan test platform';
const ID = 'cd-00000000-0000-4000-8000-000000000003';
const NAME = 'Billing Reminder Voice Campaign';

interface OutcomeLike {
  kind: string;
  status?: number;
  message: string;
}

async function push(file: string): Promise<OutcomeLike | undefined> {
  const doc = await openDoc(file);
  return vscode.commands.executeCommand<OutcomeLike | undefined>('koreCampaign.pushCampaign', doc.uri);
}

describe('Push plans first', function () {
  this.timeout(60_000);
  let local: Sandbox;
  const { ui, sandbox: platform } = sandboxConnectionSuite('plan', CONNECTION);
  const config = () => vscode.workspace.getConfiguration('koreCampaign');

  before(async function () {
    // The "Local sandbox" connection: the sandbox's public credentials, on the port the setting names.
    local = await startSandbox({ port: 0 });
    await config().update('connections.sandboxPort', local.port, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('connections.sandboxPort', undefined, vscode.ConfigurationTarget.Global);
    await config().update('push.confirmChanges', undefined, vscode.ConfigurationTarget.Global);
    await local?.stop();
  });

  it('nothing changed: says so and sends nothing but the read', async () => {
    const file = writeCampaign('plan', 'same.campaign.yaml', pulledText(platform, ID));
    const from = platform.requests.length;
    assert.equal(await push(file), undefined);
    assert.deepEqual(requestsSince(platform, from), [`GET /campaign/${ID}`]);
    assert.ok(
      ui.messages('info').includes(`No changes: same.campaign.yaml matches '${NAME}' on ${CONNECTION} (Ready). Nothing was pushed.`),
      JSON.stringify(ui.messages()),
    );
  });

  it('changes, to a connection other than the Local sandbox: a modal lists them first; dismissing it sends nothing', async () => {
    const text = withValue(withValue(pulledText(platform, ID), 'name', 'Billing Reminder (renamed)'), 'maxRingTime', '45');
    const file = writeCampaign('plan', 'changed.campaign.yaml', text);
    const from = platform.requests.length;
    assert.equal(await push(file), undefined);
    const modal = ui.shown.find((s) => s.modal);
    assert.ok(modal, JSON.stringify(ui.shown));
    assert.equal(modal.text, `Push changed.campaign.yaml to ${CONNECTION}? It changes 2 fields of '${NAME}' (Ready).`);
    assert.deepEqual(modal.items, ['Push', 'Show Changes']);
    assert.equal(modal.detail, [`name: "${NAME}" → "Billing Reminder (renamed)"`, 'dialingStrategy.maxRingTime: 30 → 45'].join('\n'));
    assert.deepEqual(requestsSince(platform, from), [`GET /campaign/${ID}`], 'nothing sent');
  });

  it('"Push" sends it', async () => {
    ui.click(/^Push confirmed\.campaign\.yaml/, 'Push');
    const from = platform.requests.length;
    const outcome = await push(writeCampaign('plan', 'confirmed.campaign.yaml', withValue(pulledText(platform, ID), 'maxRingTime', '45')));
    assert.equal(outcome?.kind, 'success', JSON.stringify(outcome));
    assert.deepEqual(requestsSince(platform, from), [`GET /campaign/${ID}`, `PUT /campaign/${ID}`]);
    assert.equal((platform.campaigns.get(ID)!.data.dialingStrategy as Record<string, unknown>).maxRingTime, 45);
  });

  it('"Show Changes" opens the diff, and the question comes back beside it', async () => {
    const file = writeCampaign('plan', 'review.campaign.yaml', withValue(pulledText(platform, ID), 'maxRingTime', '50'));
    ui.click(/^Push review\.campaign\.yaml/, 'Show Changes').click(/^Push review\.campaign\.yaml.*The changes are open beside/, 'Push');
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'success', JSON.stringify(outcome));
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, `a diff is open: ${tab?.label}`);
    assert.equal(tab.label, `review.campaign.yaml: ${CONNECTION} (Ready) ↔ file`);
    assert.equal(tab.input.modified.fsPath, file);
    const asked = ui.shown.filter((s) => /^Push review/.test(s.text));
    assert.deepEqual(
      asked.map((s) => s.modal),
      [true, false],
      'the modal, then the same question as a notification',
    );
  });

  it('koreCampaign.push.confirmChanges: false pushes without asking', async () => {
    await config().update('push.confirmChanges', false, vscode.ConfigurationTarget.Global);
    try {
      const outcome = await push(writeCampaign('plan', 'unasked.campaign.yaml', withValue(pulledText(platform, ID), 'maxRingTime', '55')));
      assert.equal(outcome?.kind, 'success', JSON.stringify(outcome));
      assert.ok(!ui.shown.some((s) => s.modal), JSON.stringify(ui.shown));
    } finally {
      await config().update('push.confirmChanges', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('the Local sandbox connection is not asked', async () => {
    ui.pick('Local sandbox');
    await vscode.commands.executeCommand('koreCampaign.selectConnection');
    // The platform-data suite signs out of the Local sandbox; its public credentials come back with one click.
    ui.click(/^No credentials are stored for Local sandbox/, 'Enter Credentials');
    try {
      const from = local.requests.length;
      const outcome = await push(writeCampaign('plan', 'local.campaign.yaml', withValue(pulledText(local, ID), 'maxRingTime', '40')));
      assert.equal(outcome?.kind, 'success', `${JSON.stringify(outcome)} ${JSON.stringify(ui.messages())}`);
      assert.ok(!ui.shown.some((s) => s.modal), JSON.stringify(ui.shown));
      assert.deepEqual(requestsSince(local, from), [`GET /campaign/${ID}`, `PUT /campaign/${ID}`]);
      assert.equal(local.requests[local.requests.length - 1].headers.iid, SANDBOX_CREDENTIALS.iid);
    } finally {
      ui.pick(CONNECTION);
      await vscode.commands.executeCommand('koreCampaign.selectConnection');
    }
  });

  it('an Active campaign needs "Overwrite Active Campaign", even on the Local sandbox', async () => {
    ui.pick('Local sandbox');
    await vscode.commands.executeCommand('koreCampaign.selectConnection');
    // The platform-data suite signs out of the Local sandbox; its public credentials come back with one click.
    ui.click(/^No credentials are stored for Local sandbox/, 'Enter Credentials');
    try {
      local.campaigns.get(ID)!.data.status = 'Active';
      const file = writeCampaign('plan', 'active.campaign.yaml', withValue(pulledText(local, ID), 'maxRingTime', '35'));
      const from = local.requests.length;
      assert.equal(await push(file), undefined);
      const modal = ui.shown.find((s) => s.modal);
      assert.equal(modal?.kind, 'warning');
      assert.match(modal!.text, /^'Billing Reminder Voice Campaign' is Active on Local sandbox: it is running now/);
      assert.deepEqual(modal!.items, ['Overwrite Active Campaign', 'Show Changes']);
      assert.deepEqual(requestsSince(local, from), [`GET /campaign/${ID}`], 'not overwritten without the explicit choice');

      // Chosen: the PUT goes out (and this sandbox, like the platform, refuses to edit an Active campaign).
      ui.click(/is Active on Local sandbox/, 'Overwrite Active Campaign');
      const outcome = await push(file);
      assert.deepEqual(requestsSince(local, from).slice(1), [`GET /campaign/${ID}`, `PUT /campaign/${ID}`]);
      assert.equal(outcome?.status, 400);
      assert.match(outcome!.message, /Active/);
    } finally {
      local.campaigns.get(ID)!.data.status = 'Ready';
      ui.pick(CONNECTION);
      await vscode.commands.executeCommand('koreCampaign.selectConnection');
    }
  });

  it('a file without campaignId: "Create on <connection>" creates it and writes the new id into the file, comments kept', async () => {
    let text = pulledText(platform, ID, 'a brand-new campaign').replace(/^campaignId: .*\n/m, '');
    text = withValue(text, 'name', 'Created From The Editor');
    const file = writeCampaign('plan', 'new.campaign.yaml', text);
    ui.click(/^new\.campaign\.yaml has no campaignId/, `Create on ${CONNECTION}`);
    const from = platform.requests.length;
    await push(file);
    const asked = ui.shown.find((s) => /has no campaignId/.test(s.text));
    assert.deepEqual(asked?.items, [`Create on ${CONNECTION}`, 'Enter Campaign Id']);
    assert.deepEqual(requestsSince(platform, from), ['POST /campaign']);
    const created = [...platform.campaigns].find(([, c]) => c.data.name === 'Created From The Editor');
    assert.ok(
      created,
      `the sandbox holds the new campaign; answer: ${platform.requests[platform.requests.length - 1].responseBody}; messages: ${JSON.stringify(ui.messages())}`,
    );
    const after = await waitFor(
      () => fs.readFileSync(file, 'utf8'),
      (t) => t.includes('campaignId:'),
      5_000,
      'the id written and saved',
    );
    assert.equal(parseYaml(after).campaignId, created[0]);
    assert.equal(after.replace(/^campaignId: .*\n/m, ''), text, 'one line added, everything else as it was');
    assert.ok(
      ui
        .messages('info')
        .some((m) => m.startsWith(`Creation of 'Created From The Editor' on ${CONNECTION} is in progress (campaign ${created[0]}`)),
      JSON.stringify(ui.messages()),
    );

    // Created, then planned: the next push finds nothing to change.
    ui.clear();
    assert.equal(await push(file), undefined);
    assert.ok(
      ui.messages('info').some((m) => m.startsWith('No changes: new.campaign.yaml matches')),
      JSON.stringify(ui.messages()),
    );
  });

  it('an id the connection does not know (404) offers to create the campaign instead', async () => {
    const unknown = 'cd-00000000-0000-4000-8000-0000000000ff';
    const file = writeCampaign('plan', 'gone.campaign.yaml', withValue(pulledText(platform, ID).replace(ID, unknown), 'name', 'Recreated'));
    ui.click(/^No campaign cd-00000000-0000-4000-8000-0000000000ff/, `Create on ${CONNECTION}`);
    const from = platform.requests.length;
    const outcome = await push(file);
    assert.equal(outcome?.kind, 'not-found', JSON.stringify(outcome));
    await waitFor(
      () => requestsSince(platform, from),
      (r) => r.length === 2,
      5_000,
      'the create',
    );
    assert.deepEqual(requestsSince(platform, from), [`GET /campaign/${unknown}`, 'POST /campaign']);
    const created = [...platform.campaigns].find(([, c]) => c.data.name === 'Recreated');
    assert.ok(created);
    await waitFor(
      () => fs.readFileSync(file, 'utf8'),
      (t) => t.includes(created[0]),
      5_000,
      'the new id in the file',
    );
  });
});
