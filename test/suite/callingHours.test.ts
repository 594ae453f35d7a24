// Preview Calling Hours in the real editor: the command opens a webview beside the campaign file,
// the webview draws the week (read back from its own page: each drawing it reports what it drew),
// an unsaved edit redraws it, the policy setting switches the band as it does the diagnostics,
// and the language server's code lens on `callingHours` runs the same command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PreviewSnapshot } from '../../client/src/callingHours/protocol';
import { activateExtension, closeAllEditors, openDoc, positionOf, waitFor, wsPath } from './helpers';

// The command's answer: the last model posted to the webview and what the webview reported drawing.
type Snapshot = PreviewSnapshot;

const COMMAND = 'koreCampaign.previewCallingHours';
const preview = (target?: unknown) => vscode.commands.executeCommand<Snapshot | undefined>(COMMAND, target);

/** The preview's state once the webview has drawn the last model posted and `done` holds for it. */
function drawn(done: (s: Snapshot) => boolean, what: string, target?: unknown): Promise<Snapshot> {
  return waitFor(
    () => preview(target),
    (s) => !!s?.rendered && s.rendered.revision === s.posted?.revision && done(s),
    20_000,
    what,
  ) as Promise<Snapshot>;
}

const blockTexts = (s: Snapshot) => s.rendered!.blocks.map((b) => `${b.row} ${b.text}`);

describe('Preview Calling Hours', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    doc = await openDoc(wsPath('fixtures', 'hours', 'kolkata-week.campaign.yaml'));
  });
  after(async () => {
    await vscode.workspace
      .getConfiguration('koreCampaign', doc.uri)
      .update('validate.policy', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('opens a webview beside the file that draws the week on the campaign clock, marks and all', async () => {
    const state = await drawn((s) => s.rendered!.blocks.length === 8, 'the first drawing');
    assert.equal(state.uri, doc.uri.toString());
    assert.equal(state.rendered!.clock, 'Asia/Kolkata');
    assert.equal(state.rendered!.rows.length, 7);
    assert.deepEqual(blockTexts(state).slice(0, 3), [
      state.rendered!.rows[0] + ' 1:00 AM–2:00 AM',
      state.rendered!.rows[0] + ' ⚠ 9:00 AM–6:00 PM',
      state.rendered!.rows[0] + ' ⚠ 5:00 PM–8:00 PM',
    ]);
    const overlap = state.rendered!.blocks.find((b) => b.text.includes('5:00 PM–8:00 PM'))!;
    assert.ok(overlap.marks.includes('finding'));
    assert.match(
      overlap.label,
      /written MO 5:00 PM-8:00 PM Asia\/Kolkata, line 17; overlaps MO 9:00 AM-6:00 PM at line 16 \(window-overlap\)/,
    );
    const early = state.rendered!.blocks.find((b) => b.text.includes('4:00 AM–10:00 AM'))!;
    assert.ok(early.marks.includes('curfew'), JSON.stringify(early));
    assert.equal(state.rendered!.tableRows, 8);
    // Beside the file: the webview is in another editor group than the campaign file.
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => ({ group: g.viewColumn, label: t.label, input: t.input })));
    const webview = tabs.find((t) => t.label === 'Calling Hours: kolkata-week.campaign.yaml');
    const file = tabs.find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString());
    assert.ok(webview && file && webview.group !== file.group, JSON.stringify(tabs.map((t) => [t.group, t.label])));
    assert.ok(webview.input instanceof vscode.TabInputWebview);
  });

  it('follows an unsaved edit: a window moved, and a broken one listed while the rest is still drawn', async () => {
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    const start = positionOf(doc, '{ day: MO, start: 9:00 AM, end: 6:00 PM }', '{ day: MO, start: 9:00 AM, end: '.length);
    await editor.edit((e) => e.replace(new vscode.Range(start, start.translate(0, '6:00 PM'.length)), '7:30 PM'));
    let state = await drawn((s) => blockTexts(s).some((t) => t.endsWith('9:00 AM–7:30 PM')), 'the edited window');
    assert.ok(doc.isDirty, 'drawn from the unsaved text');
    assert.ok(!blockTexts(state).some((t) => t.endsWith('9:00 AM–6:00 PM')));
    const sunday = positionOf(doc, '{ day: SU, start: 1:00 AM', '{ day: SU, start: '.length);
    await editor.edit((e) => e.replace(new vscode.Range(sunday, sunday.translate(0, '1:00 AM'.length)), '25:00'));
    state = await drawn((s) => s.rendered!.notDrawn.length === 1, 'the broken window listed');
    assert.match(state.rendered!.notDrawn[0], /^line 22 days\[6\]: start "25:00" is not a 12-hour time/);
    assert.equal(state.rendered!.blocks.length, 7);
  });

  it('koreCampaign.validate.policy off: no band marks, as the diagnostics report no curfew', async () => {
    await vscode.workspace.getConfiguration('koreCampaign', doc.uri).update('validate.policy', 'off', vscode.ConfigurationTarget.Workspace);
    const state = await drawn((s) => s.rendered!.blocks.every((b) => !b.marks.includes('curfew')), 'no curfew marks');
    assert.ok(
      state.rendered!.blocks.some((b) => b.marks.includes('finding')),
      'overlap marks stay: their group is on',
    );
    await vscode.workspace
      .getConfiguration('koreCampaign', doc.uri)
      .update('validate.policy', undefined, vscode.ConfigurationTarget.Workspace);
    await drawn((s) => s.rendered!.blocks.some((b) => b.marks.includes('curfew')), 'the curfew marks back');
  });

  it('the code lens on callingHours runs the command for its file: the same preview, not a second one', async () => {
    const lenses = await waitFor(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri),
      (l) => (l ?? []).some((lens) => lens.command?.command === COMMAND),
      15_000,
      'the calling-hours code lens',
    );
    const lens = lenses.find((l) => l.command?.command === COMMAND)!;
    assert.equal(lens.range.start.line, positionOf(doc, 'callingHours:').line);
    assert.match(lens.command!.title, /^Preview calling hours \(8 windows, Asia\/Kolkata\)$/);
    const state = await vscode.commands.executeCommand<Snapshot>(lens.command!.command, ...(lens.command!.arguments ?? []));
    assert.equal(state?.uri, doc.uri.toString());
    const previews = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.startsWith('Calling Hours:'));
    assert.equal(previews.length, 1);
  });

  it('without a campaign file open, it says what to open', async () => {
    await closeAllEditors();
    assert.equal(await preview(), undefined);
  });
});
