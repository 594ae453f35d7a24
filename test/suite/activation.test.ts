// The extension activates when a campaign file is opened, and the file gets our language.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, closeAllEditors, openDoc, waitFor, wsPath } from './helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('is not active before a campaign file is opened (activates on the language)', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded as the extension under development`);
    // Nothing has opened a campaign file yet in this window (this file's tests run first).
    assert.equal(ext.isActive, false, 'the extension should wait for a kore-campaign document');
  });

  it('opening a *.campaign.yaml gives language kore-campaign and activates the extension', async () => {
    const file = firstCampaignFile();
    const doc = await openDoc(file);
    assert.equal(doc.languageId, LANGUAGE_ID);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor(
      () => ext.isActive,
      (a) => a,
      10_000,
      'the extension to activate',
    );
  });

  it('*.campaign.yml is kore-campaign too, and a plain .yaml is not', async () => {
    const yml = wsPath('extra', 'short.campaign.yml');
    const plain = wsPath('extra', 'other.yaml');
    fs.mkdirSync(wsPath('extra'), { recursive: true });
    fs.writeFileSync(yml, 'name: x\n');
    fs.writeFileSync(plain, 'name: x\n');
    assert.equal((await openDoc(yml, false)).languageId, LANGUAGE_ID);
    assert.notEqual((await openDoc(plain, false)).languageId, LANGUAGE_ID);
  });
});

/** examples/*.campaign.yaml, else any fixture. */
export function firstCampaignFile(): string {
  for (const dir of ['examples', 'fixtures']) {
    const abs = wsPath(dir);
    if (!fs.existsSync(abs)) continue;
    const f = fs
      .readdirSync(abs)
      .sort()
      .find((n) => n.endsWith('.campaign.yaml'));
    if (f) return wsPath(dir, f);
  }
  // Nothing in the repo yet: make one so activation is still proven.
  const f = wsPath('extra', 'activation.campaign.yaml');
  fs.mkdirSync(wsPath('extra'), { recursive: true });
  fs.writeFileSync(f, 'name: Activation check\n');
  return f;
}
