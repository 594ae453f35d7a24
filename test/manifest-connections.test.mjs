// package.json: the connection commands that need a connection are hidden until there is one,
// with the context key the extension sets (client/src/connections/contextKey.ts); Push Campaign
// is on the explorer's context menu, where VS Code passes the whole selection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers/lsp-client.mjs';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contextKey = /HAS_CONNECTIONS = '([\w.]+)'/.exec(
  readFileSync(path.join(ROOT, 'client', 'src', 'connections', 'contextKey.ts'), 'utf8'),
)[1];

test('Edit Connection, Remove Connection and Sign Out appear only when there are connections', () => {
  for (const command of ['koreCampaign.editConnection', 'koreCampaign.removeConnection', 'koreCampaign.signOut']) {
    const entry = manifest.contributes.menus.commandPalette.find((m) => m.command === command);
    assert.equal(entry?.when, contextKey, command);
  }
  // Adding one is always possible.
  assert.equal(
    manifest.contributes.menus.commandPalette.find((m) => m.command === 'koreCampaign.addConnection'),
    undefined,
  );
});

test('Push Campaign is on the explorer context menu (multi-select) and the walkthrough has its example command', () => {
  const explorer = manifest.contributes.menus['explorer/context'].find((m) => m.command === 'koreCampaign.pushCampaign');
  assert.match(explorer.when, /resourceLangId == kore-campaign/);
  assert.ok(manifest.contributes.commands.some((c) => c.command === 'koreCampaign.openExample'));
});
