// koreCampaign.validate.*: rule groups turned off or re-graded, per-code overrides, and the
// manifest entries that let a user set them. Over LSP against the built server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sharedServer, startServer, ROOT } from './helpers/lsp-client.mjs';
import { core, tempDir } from './helpers/fixtures.mjs';
import { authoringFixture, docUri, edit } from './helpers/authoring.mjs';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties;
const GROUPS = ['fields', 'unknownKeys', 'callingHours', 'callerId', 'contactLists', 'dialingMode', 'policy'];

/** The codes a group's setting names in its description (the user reads them there). */
const codesOf = (group) =>
  [...properties[`koreCampaign.validate.${group}`].markdownDescription.split('Codes:')[1].matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);

// One file with a problem in every group: fixable.campaign.yaml plus a bad caller id, maxSkips outside Preview and a 10-second ring.
const sample = edit(
  edit(
    edit(authoringFixture('fixable.campaign.yaml'), '"+18123456789"', '812-345-6789'),
    'dialingMode: preview # exact case',
    'dialingMode: Progressive',
  ),
  'maxRingTime: "30" # a number, not a string',
  'maxRingTime: 10',
);
const severityName = (d) => ['', 'error', 'warning', 'information', 'hint'][d.severity];

/**
 * Change the settings and wait for the diagnostics of `uri` that `accept` (a first open can be
 * published twice, so "the next publish" may still be the old one).
 */
async function settingsThen(uri, settings, accept) {
  const next = client.nextDiagnostics(uri, (p) => accept(p.diagnostics));
  client.setSettings(settings);
  return (await next).diagnostics;
}

const client = sharedServer();

test('the manifest declares enable, one setting per rule group and per-code rules', () => {
  assert.equal(properties['koreCampaign.validate.enable'].type, 'boolean');
  assert.equal(properties['koreCampaign.validate.enable'].default, true);
  for (const group of GROUPS) {
    const setting = properties[`koreCampaign.validate.${group}`];
    assert.ok(setting, group);
    assert.deepEqual(setting.enum, ['default', 'error', 'warning', 'information', 'hint', 'off']);
    assert.equal(setting.default, 'default');
    assert.equal(setting.enumDescriptions.length, setting.enum.length);
  }
  assert.deepEqual(properties['koreCampaign.validate.rules'].additionalProperties.enum, ['error', 'warning', 'information', 'hint', 'off']);
});

test('every campaign rule belongs to exactly one group (YAML syntax problems are not configurable)', () => {
  const grouped = GROUPS.flatMap(codesOf);
  assert.equal(new Set(grouped).size, grouped.length, 'no code in two groups');
  const yaml = [
    'yaml-syntax',
    'yaml-tab',
    'duplicate-key',
    'yaml-multiple-documents',
    'yaml-undefined-alias',
    'yaml-alias-limit',
    'yaml-nesting',
    'yaml-warning',
    'yaml-merge-key',
    'yaml-too-many-problems',
    'file-too-large',
    'empty-file',
    'not-a-mapping',
  ];
  assert.deepEqual([...grouped].sort(), core.RULE_CODES.filter((c) => !yaml.includes(c)).sort());
});

test('the sample file has a problem in every group (so the tests below mean something)', async () => {
  const diagnostics = await client.open(docUri('settings'), sample);
  for (const group of GROUPS)
    assert.ok(
      diagnostics.some((d) => codesOf(group).includes(d.code)),
      group,
    );
});

test('turning a group off removes exactly its codes; the other diagnostics stay as they were', async () => {
  const uri = docUri('groups');
  client.setSettings({});
  const baseline = await client.open(uri, sample);
  for (const group of GROUPS) {
    const codes = codesOf(group);
    const diagnostics = await settingsThen(uri, { validate: { [group]: 'off' } }, (list) => !list.some((d) => codes.includes(d.code)));
    assert.deepEqual(
      diagnostics,
      baseline.filter((d) => !codes.includes(d.code)),
      group,
    );
  }
  const restored = await settingsThen(uri, {}, (list) => list.length === baseline.length);
  assert.deepEqual(restored, baseline);
});

test('a group can change severity; a per-code rule wins over its group; "default" keeps each rule\'s own', async () => {
  const uri = docUri('severity');
  await client.open(uri, sample);
  const diagnostics = await settingsThen(
    uri,
    { validate: { callingHours: 'hint', unknownKeys: 'error', contactLists: 'default', rules: { timezone: 'warning' } } },
    (list) => list.some((d) => d.code === 'timezone' && d.severity === 2),
  );
  const by = (code) => diagnostics.filter((d) => d.code === code).map(severityName);
  assert.deepEqual(by('time-format'), ['hint', 'hint']);
  assert.deepEqual(by('duplicate-window'), ['hint']);
  assert.deepEqual(by('timezone'), ['warning']);
  assert.deepEqual(by('unknown-key'), ['error']);
  assert.deepEqual(by('duplicate-contact-list'), ['warning']);
  assert.deepEqual(by('enum'), ['error']);

  const loud = await settingsThen(uri, { validate: { callingHours: 'loud' } }, (list) =>
    list.some((d) => d.code === 'timezone' && d.severity === 1),
  );
  assert.deepEqual(loud.filter((d) => d.code === 'time-format').map(severityName), ['error', 'error'], 'an unknown value is ignored');
  await settingsThen(uri, {}, () => true);
});

test('settings given at start apply to the first diagnostics; enable: false reports nothing but completion still works', async () => {
  const other = await startServer({ settings: { validate: { fields: 'off', callerId: 'information' } } });
  try {
    const diagnostics = await other.open(docUri('start'), sample);
    assert.ok(!diagnostics.some((d) => codesOf('fields').includes(d.code)));
    assert.deepEqual(diagnostics.filter((d) => d.code === 'caller-id-e164').map(severityName), ['information']);
  } finally {
    await other.stop();
  }
  const off = await startServer({ settings: { validate: { enable: false } } });
  try {
    const uri = docUri('disabled');
    assert.deepEqual(await off.open(uri, sample), []);
    const completion = await off.request('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 13 } });
    assert.deepEqual(
      completion.items.map((i) => i.label),
      ['Agentless', 'Progressive', 'Preview'],
    );
  } finally {
    await off.stop();
  }
});

/** A valid campaign with `windows` repeated MO windows (each a duplicate-window warning) and two errors near the end. */
function manyProblems(windows) {
  const base = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid.campaign.yaml'), 'utf8');
  const repeated = Array.from({ length: windows }, () => '      - day: MO\n        start: 9:00 AM\n        end: 6:00 PM\n').join('');
  return base
    .replace('      - day: TU\n', `${repeated}      - day: TU\n`)
    .replace('priority: "5"', 'priority: 5')
    .replace('campaignType: voice', 'campaignType: fax');
}

test('maxProblems: errors first, then warnings, then one last diagnostic saying how many were left out', async () => {
  assert.equal(properties['koreCampaign.validate.maxProblems'].type, 'integer');
  assert.equal(properties['koreCampaign.validate.maxProblems'].default, 1000);
  const uri = docUri('many');
  const text = manyProblems(1200);
  const all = await client.open(uri, text);
  assert.equal(all.length, 1001, 'the default keeps 1,000 and adds the note');
  assert.deepEqual(
    all.slice(0, 3).map((d) => [severityName(d), d.code]),
    [
      ['error', 'type'],
      ['error', 'enum'],
      ['warning', 'duplicate-window'],
    ],
  );
  assert.equal(all[1000].code, 'too-many-problems');
  assert.equal(
    all[1000].message,
    '202 more problems are not listed (koreCampaign.validate.maxProblems is 1000): errors come first. `kore-campaign validate` lists them all.',
  );

  const few = await settingsThen(uri, { validate: { maxProblems: 4 } }, (list) => list.length === 5);
  assert.deepEqual(
    few.map((d) => d.code),
    ['type', 'enum', 'duplicate-window', 'duplicate-window', 'too-many-problems'],
  );
  assert.equal(severityName(few[4]), 'information');
  assert.deepEqual(few[4].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(few[4].message, /^1,198 more problems are not listed \(koreCampaign\.validate\.maxProblems is 4\)/);
  // The CLI's core reports all of them.
  assert.equal(core.validateText(text).length, 1202);
  await settingsThen(uri, {}, (list) => list.length === 1001);
});

test("maxProblems in the core: the kept problems are the first of each rank in document order, with settings' severities applied first", () => {
  // Errors (a type, an enum), warnings (repeated and overlapping windows) and information (windows before 8:00 AM), mixed.
  const windows = Array.from(
    { length: 300 },
    (_, i) => `      - day: MO\n        start: ${6 + (i % 3)}:00 AM\n        end: ${5 + (i % 2)}:00 PM\n`,
  ).join('');
  const parsed = core.parseCampaign(manyProblems(0).replace('      - day: TU\n', `${windows}      - day: TU\n`));
  const rank = { error: 0, warning: 1, information: 2, hint: 2 };
  const overrides = [
    {},
    { severities: { 'duplicate-window': 'error', enum: 'off' } },
    { severities: { type: 'hint', 'calling-hours-curfew': 'warning' } },
  ];
  for (const options of overrides) {
    // What the editor should get, from the full list (document order) the CLI sees.
    const all = core.validateCampaign(parsed, options);
    for (const max of [1, 3, 50, 299, all.length, all.length + 5]) {
      const expected = all.length <= max ? all : [0, 1, 2].flatMap((r) => all.filter((d) => rank[d.severity] === r)).slice(0, max);
      const { diagnostics, omitted } = core.validateCampaignLimited(parsed, options, max);
      const key = (d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.message];
      assert.deepEqual(diagnostics.map(key), expected.map(key), `max ${max}, ${JSON.stringify(options)}`);
      assert.equal(omitted, all.length - expected.length);
    }
  }
});

test('multi-root: each workspace folder has its own settings, pulled per document (scopeUri), once per folder, again after a change', async () => {
  const [strict, relaxed] = [tempDir('kore-folder-strict-'), tempDir('kore-folder-relaxed-')];
  const [strictUri, relaxedUri] = [strict, relaxed].map((folder) => pathToFileURL(folder).href);
  const hours = codesOf('callingHours');
  let relaxedSettings = { validate: { callingHours: 'off' } };
  const settingsFor = (scopeUri) => (scopeUri?.startsWith(`${relaxedUri}/`) ? relaxedSettings : {});
  const server = await startServer({ workspaceFolders: [strict, relaxed], settings: settingsFor });
  try {
    const inStrict = pathToFileURL(path.join(strict, 'a.campaign.yaml')).href;
    const inRelaxed = pathToFileURL(path.join(relaxed, 'a.campaign.yaml')).href;
    const strictDiagnostics = await server.open(inStrict, sample);
    const relaxedDiagnostics = await server.open(inRelaxed, sample);
    assert.ok(
      strictDiagnostics.some((d) => hours.includes(d.code)),
      'the strict folder reports calling hours',
    );
    assert.deepEqual(
      relaxedDiagnostics,
      strictDiagnostics.filter((d) => !hours.includes(d.code)),
      'the relaxed folder reports all but calling hours',
    );

    // A second file in a folder reuses the folder's settings; each pull named a document of its folder.
    await server.open(pathToFileURL(path.join(relaxed, 'b.campaign.yaml')).href, sample);
    const pulls = server.configurationRequests.filter((item) => item.section === 'koreCampaign');
    assert.deepEqual(
      pulls.map((item) => item.scopeUri),
      [inStrict, inRelaxed],
    );

    // The folder's settings change: after didChangeConfiguration the server pulls again.
    relaxedSettings = { validate: { rules: { 'time-format': 'off' } } };
    const next = server.nextDiagnostics(inRelaxed, (p) => p.diagnostics.some((d) => d.code === 'timezone'));
    server.setSettings(settingsFor);
    const changed = (await next).diagnostics;
    assert.deepEqual(
      changed,
      strictDiagnostics.filter((d) => d.code !== 'time-format'),
    );

    // The server's log names the folders and what their settings change, never a campaign's text.
    const log = server.logs.map((m) => m.message).join('\n');
    assert.match(log, /language server 0\.1\.0 started/);
    assert.match(log, new RegExp(`Settings for ${relaxedUri}/: time-format off, time-order off`));
    assert.match(log, new RegExp(`Settings for ${strictUri}/: every rule at its own severity`));
    assert.ok(!log.includes('dialingStrategy') && !log.includes('Asia/'), 'no campaign text in the log');
  } finally {
    await server.stop();
  }
});

test('a workspace folder added later gets its own settings (workspace/didChangeWorkspaceFolders)', async () => {
  const [first, added, outside] = [tempDir('kore-folder-first-'), tempDir('kore-folder-added-'), tempDir('kore-outside-')];
  const addedUri = pathToFileURL(added).href;
  const hours = codesOf('callingHours');
  const settingsFor = (scopeUri) => (scopeUri?.startsWith(`${addedUri}/`) ? { validate: { callingHours: 'off' } } : {});
  const capabilities = {
    workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
  };
  const server = await startServer({ workspaceFolders: [first], settings: settingsFor, capabilities });
  try {
    assert.equal(server.initialize.capabilities.workspace?.workspaceFolders?.changeNotifications, true);
    const inAdded = pathToFileURL(path.join(added, 'a.campaign.yaml')).href;
    const next = server.nextDiagnostics(inAdded, (p) => p.diagnostics.length > 0);
    server.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: addedUri, name: 'added' }], removed: [] } });
    server.notify('textDocument/didOpen', { textDocument: { uri: inAdded, languageId: 'kore-campaign', version: 1, text: sample } });
    assert.ok(!(await next).diagnostics.some((d) => hours.includes(d.code)), 'the added folder switches calling hours off');
    // A file outside every folder is not taken for one in the added folder.
    const elsewhere = await server.open(pathToFileURL(path.join(outside, 'b.campaign.yaml')).href, sample);
    assert.ok(
      elsewhere.some((d) => hours.includes(d.code)),
      'outside the folders every rule applies',
    );
  } finally {
    await server.stop();
  }
});
