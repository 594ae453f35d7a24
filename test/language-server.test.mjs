// The built language server (dist/server.js), spoken to over stdio and Node IPC as VS Code does:
// diagnostics on open and on incremental change, cleared on close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { sharedServer, startServer, fileUri, ROOT } from './helpers/lsp-client.mjs';
import { core, readFixture, summarise } from './helpers/fixtures.mjs';

const server = sharedServer();

test('announces incremental sync', () => {
  assert.equal(server.initialize.capabilities.textDocumentSync.change, 2);
  assert.equal(server.initialize.capabilities.textDocumentSync.openClose, true);
});

test("serverInfo carries the package's version, put in by the build on both bundles", () => {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(server.initialize.serverInfo, { name: 'kore-campaign-language-server', version });
  // The browser's server is built with the same define: no name is left for the web worker to miss.
  assert.doesNotMatch(readFileSync(path.join(ROOT, 'dist', 'web', 'server.js'), 'utf8'), /KORE_CAMPAIGN_VERSION/);
});

test('a valid campaign has zero diagnostics', async () => {
  assert.deepEqual(await server.open(fileUri('valid.campaign.yaml'), readFixture('valid.campaign.yaml')), []);
});

test("the API page's sample request body is valid", async () => {
  assert.deepEqual(await server.open(fileUri('api-sample-request.campaign.yaml'), readFixture('api-sample-request.campaign.yaml')), []);
});

test('the examples: the valid one is clean, the one with mistakes shows each of them', async () => {
  const examples = path.join(ROOT, 'examples');
  const valid = readFileSync(path.join(examples, 'billing-reminder.campaign.yaml'), 'utf8');
  assert.deepEqual(await server.open('file:///examples/billing-reminder.campaign.yaml', valid), []);
  const mistakes = readFileSync(path.join(examples, 'typical-mistakes.campaign.yaml'), 'utf8');
  const diagnostics = await server.open('file:///examples/typical-mistakes.campaign.yaml', mistakes);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    [
      'unknown-key',
      'duplicate-contact-list',
      'type',
      'enum',
      'caller-id-e164',
      'timezone',
      'time-format',
      'time-order',
      'window-overlap',
      'range',
      'type',
      'unknown-key',
    ],
  );
});

test("published diagnostics are the core's, with code, source, severity and the fixes in data", async () => {
  const text = readFixture('dialing-mode-case.campaign.yaml');
  const diagnostics = await server.open(fileUri('dialing-mode-case.campaign.yaml'), text);
  assert.deepEqual(summarise(diagnostics), summarise(core.validateText(text)));
  const [d] = diagnostics;
  assert.equal(d.source, 'kore-campaign');
  assert.equal(d.severity, 1);
  assert.equal(d.data.path, 'dialingMode');
  assert.deepEqual(d.data.fixes[0].edits, [{ range: d.range, newText: 'Preview' }]);
  assert.equal(d.data.fixes[0].preferred, true);
});

test('an incremental change re-validates: a mistake appears, then goes away', async () => {
  const uri = 'file:///work/edit.campaign.yaml';
  const text = readFixture('valid.campaign.yaml');
  assert.deepEqual(await server.open(uri, text), []);
  const line = text.split('\n').findIndex((l) => l.startsWith('priority:'));
  // Replace `"5"` (characters 10-13) with a bare 5: the wrong type.
  const broken = await server.change(uri, [{ range: { start: { line, character: 10 }, end: { line, character: 13 } }, text: '5' }]);
  assert.deepEqual(summarise(broken), [
    [`${line + 1}:11-${line + 1}:12`, 'error', 'type', 'priority must be a string "1".."5"; found the number 5.'],
  ]);
  const fixed = await server.change(uri, [{ range: { start: { line, character: 10 }, end: { line, character: 11 } }, text: '"4"' }]);
  assert.deepEqual(fixed, []);
});

test('several changes in one notification apply in order', async () => {
  const uri = 'file:///work/multi.campaign.yaml';
  await server.open(uri, readFixture('valid.campaign.yaml'));
  const lines = readFixture('valid.campaign.yaml').split('\n');
  const mode = lines.findIndex((l) => l.startsWith('dialingMode:'));
  const order = lines.findIndex((l) => l.includes('dialingOrder:'));
  const diagnostics = await server.change(uri, [
    { range: { start: { line: mode, character: 13 }, end: { line: mode, character: 20 } }, text: 'preview' },
    { range: { start: { line: order, character: 16 }, end: { line: order, character: 20 } }, text: 'LAST' },
  ]);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['enum', 'enum'],
  );
});

test('closing a document clears its diagnostics', async () => {
  const uri = fileUri('priority-number.campaign.yaml');
  assert.equal((await server.open(uri, readFixture('priority-number.campaign.yaml'))).length, 1);
  assert.deepEqual(await server.close(uri), []);
});

test('settings turn a rule off or change its severity', async () => {
  const client = await startServer({ settings: { validate: { rules: { 'duplicate-contact-list': 'off', 'window-overlap': 'error' } } } });
  try {
    assert.deepEqual(
      await client.open(fileUri('contact-lists-duplicate.campaign.yaml'), readFixture('contact-lists-duplicate.campaign.yaml')),
      [],
    );
    const [overlap] = await client.open(fileUri('windows-overlap.campaign.yaml'), readFixture('windows-overlap.campaign.yaml'));
    assert.equal(overlap.code, 'window-overlap');
    assert.equal(overlap.severity, 1);
  } finally {
    await client.stop();
  }
});

test('works over Node IPC too (how the VS Code client starts it)', async () => {
  const client = await startServer({ transport: 'ipc' });
  try {
    const diagnostics = await client.open(fileUri('timezone-typo.campaign.yaml'), readFixture('timezone-typo.campaign.yaml'));
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      ['"Asia/Kolkatta" is not an IANA time zone. Did you mean "Asia/Kolkata"?'],
    );
  } finally {
    await client.stop();
  }
});
