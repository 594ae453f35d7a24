// Kore.ai: Show Changes inside the real extension host, against a sandbox started by the test:
// the diff editor with the platform's campaign in file form (read-only, its own scheme) on the
// left and the editor's text on the right, titled with the connection and the remote status.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SANDBOX_ACTIVE_CAMPAIGN_ID } from '../../sandbox/src';
import { openDoc, settledDiagnostics, waitFor } from './helpers';
import { pulledText, sandboxConnectionSuite, withValue, writeCampaign } from './roundTripHelpers';

const CONNECTION = 'Diff test platform';
const ID = 'cd-00000000-0000-4000-8000-000000000002';
const NAME = 'Billing Reminder Voice Campaign';

async function showChanges(file: string): Promise<{ status?: string; changed: number } | undefined> {
  const doc = await openDoc(file);
  return vscode.commands.executeCommand('koreCampaign.showChanges', doc.uri);
}

function activeDiff(): vscode.Tab & { input: vscode.TabInputTextDiff } {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  assert.ok(tab && tab.input instanceof vscode.TabInputTextDiff, `the active tab is a diff: ${tab?.label}`);
  return tab as vscode.Tab & { input: vscode.TabInputTextDiff };
}

describe('Show Changes', function () {
  this.timeout(60_000);
  const { ui, sandbox } = sandboxConnectionSuite('diff', CONNECTION);

  it("opens the diff: the platform's campaign in file form (left, read-only) against the editor's unsaved text (right)", async () => {
    const file = writeCampaign('diff', 'billing.campaign.yaml', pulledText(sandbox, ID, 'our billing campaign'));
    const doc = await openDoc(file);
    const edit = new vscode.WorkspaceEdit();
    const nameLine = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('name:'));
    edit.replace(doc.uri, doc.lineAt(nameLine).range, 'name: Billing, edited in the editor');
    assert.ok(await vscode.workspace.applyEdit(edit));

    const result = await showChanges(file);
    assert.deepEqual(result, { status: 'Ready', changed: 1 });
    const tab = activeDiff();
    assert.equal(tab.label, `billing.campaign.yaml: ${CONNECTION} (Ready) ↔ file`);
    assert.equal(tab.input.original.scheme, 'kore-campaign-remote');
    assert.equal(tab.input.modified.toString(), doc.uri.toString(), 'the right side is the file itself, unsaved edits included');

    const left = await vscode.workspace.openTextDocument(tab.input.original);
    // The platform's values written into the file's own text: comments and order match, only the change differs.
    assert.equal(left.getText(), doc.getText().replace('name: Billing, edited in the editor', `name: ${NAME}`));
    assert.ok(ui.messages('info').includes(`1 field differs from ${CONNECTION}: name.`), JSON.stringify(ui.messages()));

    // Typing into the platform side changes nothing: it is read-only.
    const before = left.getText();
    await vscode.commands.executeCommand('workbench.action.compareEditor.focusSecondarySide');
    await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.toString(),
      (u) => u === left.uri.toString(),
      5_000,
      'the platform side focused',
    );
    await vscode.commands.executeCommand('type', { text: 'typed here ' });
    assert.equal(left.getText(), before);
    assert.equal(left.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.files.revert', doc.uri);
  });

  it('the title carries the remote status (Active), and running it again replaces the earlier view', async () => {
    const file = writeCampaign(
      'diff',
      'spring.campaign.yaml',
      withValue(withValue(pulledText(sandbox, SANDBOX_ACTIVE_CAMPAIGN_ID), 'maxRingTime', '25'), 'maxSkips', '2'),
    );
    await showChanges(file);
    await showChanges(file);
    assert.equal(activeDiff().label, `spring.campaign.yaml: ${CONNECTION} (Active) ↔ file`);
    const views = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.startsWith('spring.campaign.yaml:'));
    assert.equal(views.length, 1, 'one diff per file');

    // The file's problems (maxSkips in a Progressive campaign) are the file's: the platform's side (same text) does not repeat them in Problems.
    const fileProblems = await settledDiagnostics(vscode.Uri.file(file));
    assert.ok(
      fileProblems.some((d) => d.code === 'max-skips-mode'),
      JSON.stringify(fileProblems.map((d) => d.code)),
    );
    await settledDiagnostics(activeDiff().input.original, 3_000, false);
    const onPlatformSide = vscode.languages.getDiagnostics().filter(([uri, list]) => uri.scheme === 'kore-campaign-remote' && list.length);
    assert.deepEqual(
      onPlatformSide.map(([uri, list]) => `${uri.toString()}: ${list.length}`),
      [],
    );
  });

  it('fields the platform did not return are "unknown remotely", named, never shown as changes', async () => {
    sandbox.faults.partialReads(true);
    const file = writeCampaign('diff', 'partial.campaign.yaml', pulledText(sandbox, ID));
    const result = await showChanges(file);
    assert.equal(result?.changed, 0);
    const told = ui.messages('info').find((m) => m.startsWith('partial.campaign.yaml matches the campaign on'));
    assert.ok(told, JSON.stringify(ui.messages()));
    assert.match(
      told,
      /unknown remotely, not shown as changes\): dialingStrategy\.dialingOrder, dialingStrategy\.maxAttemptsPerRecord, queue_name\.$/,
    );
    const left = await vscode.workspace.openTextDocument(activeDiff().input.original);
    assert.equal(left.getText(), (await openDoc(file, false)).getText(), "the file's own values stand where the platform said nothing");
  });

  it('a file without campaignId has nothing to compare; an unknown id offers to create the campaign', async () => {
    const noId = writeCampaign('diff', 'no-id.campaign.yaml', pulledText(sandbox, ID).replace(/^campaignId: .*\n/m, ''));
    assert.equal(await showChanges(noId), undefined);
    assert.ok(
      ui.messages('info').some((m) => m.startsWith('no-id.campaign.yaml has no campaignId')),
      JSON.stringify(ui.messages()),
    );

    const unknown = writeCampaign(
      'diff',
      'unknown.campaign.yaml',
      pulledText(sandbox, ID).replace(ID, 'cd-00000000-0000-4000-8000-0000000000fe'),
    );
    assert.equal(await showChanges(unknown), undefined);
    const error = await waitFor(
      () => ui.shown.filter((s) => s.kind === 'error'),
      (e) => e.length > 0,
      5_000,
      'the 404 message',
    );
    assert.match(error[0].text, /^No campaign cd-00000000-0000-4000-8000-0000000000fe on Diff test platform/);
    assert.deepEqual(error[0].items, [`Create on ${CONNECTION}`, 'Select Connection']);
  });
});
