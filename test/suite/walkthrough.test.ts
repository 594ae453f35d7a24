// The Get Started walkthrough as VS Code has it: contributed with its five steps, every command
// a step links to exists, every page it shows is in the extension, it opens, and its "Open
// Example Campaign" puts a checked campaign file in the workspace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, EXTENSION_ID, LANGUAGE_ID, waitFor, wsPath } from './helpers';

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}

describe('Get Started walkthrough', function () {
  this.timeout(30_000);
  let extension: vscode.Extension<unknown>;
  let steps: WalkthroughStep[];

  before(async () => {
    extension = await activateExtension();
    const [walkthrough] = extension.packageJSON.contributes.walkthroughs;
    steps = walkthrough.steps;
  });
  after(async () => {
    await closeAllEditors();
    fs.rmSync(wsPath('billing-reminder.campaign.yaml'), { force: true });
  });

  it('has the five steps, in order', () => {
    assert.deepEqual(
      steps.map((s) => s.title),
      ['Create a JWT app and note its ids', 'Add a connection', 'Open an example campaign', 'Push to the local sandbox', 'Pull a campaign'],
    );
  });

  it('every command a step links to or completes on is contributed and registered', async function () {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = new Set((extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command));
    const linked = steps.flatMap((s) => [
      ...[...s.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]),
      ...(s.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)),
    ]);
    assert.ok(linked.length >= 5);
    for (const command of linked.filter((c) => contributed.has(c))) assert.ok(registered.has(command), `${command} is not registered`);
    const missing = [...new Set(linked.filter((c) => !contributed.has(c)))];
    // Pull Campaign comes with the round-trip commands (another branch); until they are merged
    // the last step's link has nothing behind it, and this says so instead of passing.
    if (missing.length === 1 && missing[0] === 'koreCampaign.pullCampaign') this.skip();
    assert.deepEqual(missing, [], 'linked commands the extension does not contribute');
  });

  it("every step's page is packaged with the extension", () => {
    for (const step of steps) {
      const file = step.media.markdown ?? step.media.image;
      assert.ok(file && fs.existsSync(path.join(extension.extensionPath, file)), `${step.id}: ${file}`);
    }
  });

  it('opens in the editor', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#getStarted`, false);
    const tab = await waitFor(
      () => vscode.window.tabGroups.activeTabGroup.activeTab,
      (t) => !!t && /Welcome|Walkthrough/i.test(t.label),
      10_000,
      'the walkthrough tab',
    );
    assert.ok(tab);
  });

  it('Open Example Campaign writes the example into the workspace and opens it, without errors', async () => {
    const target = wsPath('billing-reminder.campaign.yaml');
    fs.rmSync(target, { force: true });
    await vscode.commands.executeCommand('koreCampaign.openExample');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, target);
    assert.equal(editor?.document.languageId, LANGUAGE_ID);
    assert.ok(fs.existsSync(target));
    // Diagnostics arrive from the server; the example has none, so wait for the server to have seen it.
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(
      vscode.languages.getDiagnostics(editor!.document.uri).map((d) => d.message),
      [],
    );
    // A second run opens the same file and overwrites nothing.
    await editor!.edit((e) => e.insert(new vscode.Position(0, 0), '# my note\n'));
    await editor!.document.save();
    await vscode.commands.executeCommand('koreCampaign.openExample');
    assert.match(fs.readFileSync(target, 'utf8'), /^# my note\n/);
  });
});
