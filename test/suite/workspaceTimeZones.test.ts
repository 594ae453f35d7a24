// Completion lists the time zones of the workspace's campaign files first, including files
// never opened: the extension finds and reads them through vscode.workspace (findFiles, fs),
// the same path as in the browser, where the server cannot read the disk, and rescans when
// a campaign file is created or deleted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openContent, positionOf, waitFor, wsPath } from './helpers';

const ZONE = 'Pacific/Chatham'; // in no example or fixture: only the new file can bring it
const CAMPAIGN = `name: Scan probe
dialingStrategy:
  callingHours:
    timezone: ${ZONE}
`;

/** ZONE's detail, and whether it sorts before a zone no campaign uses (the workspace's zones come first). */
async function zoneDetail(doc: vscode.TextDocument, position: vscode.Position): Promise<{ listedFirst: boolean; detail: string }> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
  const items = [...(list?.items ?? [])].sort((a, b) => (a.sortText ?? label(a)).localeCompare(b.sortText ?? label(b)));
  const item = items.find((i) => label(i) === ZONE);
  const at = (name: string) => items.findIndex((i) => label(i) === name);
  return { listedFirst: at(ZONE) >= 0 && at(ZONE) < at('Africa/Abidjan'), detail: item?.detail ?? '' };
}

describe("time zones of the workspace's campaign files", function () {
  before(activateExtension);

  it('a campaign file created on disk, never opened, puts its zone first; deleting its folder takes it away', async () => {
    const uri = vscode.Uri.file(wsPath('scan-probe', 'chatham.campaign.yaml'));
    const doc = await openContent('name: Completion here\ndialingStrategy:\n  callingHours:\n    timezone: \n');
    const position = positionOf(doc, 'timezone: ');
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(CAMPAIGN));
      const found = await waitFor(
        () => zoneDetail(doc, position),
        (r) => /used in this workspace/.test(r.detail),
        15_000,
        `${ZONE} marked as used in this workspace`,
      );
      assert.ok(found.listedFirst, `${ZONE} should sort before zones no campaign uses`);
      assert.match(found.detail, /UTC\+1[23]:45/);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file must not have been opened');
    } finally {
      // The folder, not the file: a deleted folder is reported as one event, which the campaign pattern does not match.
      await vscode.workspace.fs.delete(vscode.Uri.file(wsPath('scan-probe')), { recursive: true });
    }
    await waitFor(
      () => zoneDetail(doc, position),
      (r) => !/used in this workspace/.test(r.detail),
      15_000,
      `${ZONE} no longer marked after the file is deleted`,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
