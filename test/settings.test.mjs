// koreCampaign.validate.*: rule groups turned off or re-graded, per-code overrides, and the
// manifest entries that let a user set them. Over LSP against the built server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { sharedServer, startServer, ROOT } from './helpers/lsp-client.mjs';
import { core } from './helpers/fixtures.mjs';
import { authoringFixture, docUri, edit } from './helpers/authoring.mjs';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties;
const GROUPS = ['fields', 'unknownKeys', 'callingHours', 'callerId', 'contactLists', 'dialingMode', 'policy'];

/** The codes a group's setting names in its description (the user reads them there). */
const codesOf = (group) => [...properties[`koreCampaign.validate.${group}`].markdownDescription.split('Codes:')[1].matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);

// One file with a problem in every group: fixable.campaign.yaml plus a bad caller id, maxSkips outside Preview and a 10-second ring.
const sample = edit(
  edit(edit(authoringFixture('fixable.campaign.yaml'), '"+18123456789"', '812-345-6789'), 'dialingMode: preview # exact case', 'dialingMode: Progressive'),
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
  const yaml = ['yaml-syntax', 'yaml-tab', 'duplicate-key', 'yaml-multiple-documents', 'yaml-undefined-alias', 'yaml-alias-limit', 'yaml-nesting', 'yaml-warning', 'empty-file', 'not-a-mapping'];
  assert.deepEqual([...grouped].sort(), core.RULE_CODES.filter((c) => !yaml.includes(c)).sort());
});

test('the sample file has a problem in every group (so the tests below mean something)', async () => {
  const diagnostics = await client.open(docUri('settings'), sample);
  for (const group of GROUPS) assert.ok(diagnostics.some((d) => codesOf(group).includes(d.code)), group);
});

test('turning a group off removes exactly its codes; the other diagnostics stay as they were', async () => {
  const uri = docUri('groups');
  client.setSettings({});
  const baseline = await client.open(uri, sample);
  for (const group of GROUPS) {
    const codes = codesOf(group);
    const diagnostics = await settingsThen(uri, { validate: { [group]: 'off' } }, (list) => !list.some((d) => codes.includes(d.code)));
    assert.deepEqual(diagnostics, baseline.filter((d) => !codes.includes(d.code)), group);
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

  const loud = await settingsThen(uri, { validate: { callingHours: 'loud' } }, (list) => list.some((d) => d.code === 'timezone' && d.severity === 1));
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
    assert.deepEqual(completion.items.map((i) => i.label), ['Agentless', 'Progressive', 'Preview']);
  } finally {
    await off.stop();
  }
});
