// What VS Code reads from package.json: the language, its grammar, activation and yamlValidation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers/lsp-client.mjs';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('a kore-campaign language for *.campaign.yaml and *.campaign.yml, by filename pattern', () => {
  const language = manifest.contributes.languages.find((l) => l.id === 'kore-campaign');
  assert.deepEqual(language.filenamePatterns, ['*.campaign.yaml', '*.campaign.yml']);
  // `extensions` would also match plain .yaml handling; filenamePatterns wins over the YAML language.
  assert.equal(language.extensions, undefined);
});

test("a TextMate grammar that builds on YAML's", () => {
  const entry = manifest.contributes.grammars.find((g) => g.language === 'kore-campaign');
  const grammar = JSON.parse(readFileSync(path.join(ROOT, entry.path), 'utf8'));
  assert.equal(grammar.scopeName, entry.scopeName);
  assert.ok(JSON.stringify(grammar.patterns).includes('"source.yaml"'));
});

test('activates on the language (implicitly, from contributes.languages on VS Code >= 1.74)', () => {
  assert.ok(manifest.activationEvents.length === 0 || manifest.activationEvents.includes('onLanguage:kore-campaign'));
  assert.match(manifest.engines.vscode, /^\^1\.(9\d|1\d\d)\./);
  assert.equal(manifest.main, './dist/client.js');
});

test('yamlValidation points the Red Hat YAML extension at the same schema', () => {
  const [entry] = manifest.contributes.yamlValidation;
  assert.deepEqual(entry.fileMatch, ['*.campaign.yaml', '*.campaign.yml']);
  assert.ok(existsSync(path.join(ROOT, entry.url)));
});

test('a kore-campaign bin for the command line', () => {
  assert.equal(manifest.bin['kore-campaign'], 'bin/kore-campaign.js');
});

test('in the browser (vscode.dev, github.dev) the Local Sandbox command is hidden, not failing', () => {
  assert.equal(manifest.browser, './dist/web/client.js');
  // Shown on desktop, and in a browser UI whose extension host is Node (code-server), which sets the key.
  const shown = '!isWeb || koreCampaign.localSandboxAvailable';
  const start = manifest.contributes.commands.find((c) => c.command === 'koreCampaign.startSandbox');
  assert.equal(start.enablement, `isWorkspaceTrusted && (${shown})`);
  const palette = manifest.contributes.menus.commandPalette.find((m) => m.command === 'koreCampaign.startSandbox');
  assert.equal(palette?.when, shown);
});

test("in the browser, Pull, Pull All, Show Changes and Create are offered: they use fetch and the editor's file system", () => {
  const roundTrip = [
    'koreCampaign.pullCampaign',
    'koreCampaign.pullAllCampaigns',
    'koreCampaign.showChanges',
    'koreCampaign.createCampaign',
  ];
  const entries = Object.values(manifest.contributes.menus)
    .flat()
    .filter((m) => roundTrip.includes(m.command));
  assert.ok(entries.length >= roundTrip.length);
  for (const entry of entries) assert.doesNotMatch(entry.when ?? '', /isWeb/, `${entry.command}: ${entry.when}`);
  for (const command of manifest.contributes.commands.filter((c) => roundTrip.includes(c.command)))
    assert.doesNotMatch(command.enablement ?? '', /isWeb/);
});
