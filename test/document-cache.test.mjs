// The language server keeps full parses only for the documents in use (server/src/campaignDocuments.ts:
// the most recent one plus about 256,000 characters more); the others keep a summary. Over LSP:
// a document whose parse was dropped still answers every request as before, its edits are
// validated, and its time zone still sorts completion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServer, startServer } from './helpers/lsp-client.mjs';
import { after, authoringFixture, docUri, edit } from './helpers/authoring.mjs';
import { core, readFixture, summarise } from './helpers/fixtures.mjs';

const client = sharedServer();

const complete1 = authoringFixture('complete.campaign.yaml');
const inProgress = authoringFixture('in-progress.campaign.yaml');

/** A valid campaign of about 400,000 characters (a long contactLists): over the budget alone. */
function largeCampaign(zone) {
  const lists = Array.from({ length: 12_000 }, (_, i) => `  - Renewals list number ${String(i).padStart(6, '0')}`).join('\n');
  return edit(edit(complete1, '  - Renewals - November', lists), 'timezone: Asia/Kolkata # India', `timezone: ${zone}`);
}

/** Opening two large files makes room for each: every earlier document loses its parse. */
async function evictEverything() {
  for (const zone of ['Europe/Lisbon', 'Europe/Oslo']) {
    const uri = docUri('large');
    assert.deepEqual(await client.open(uri, largeCampaign(zone)), []);
  }
}

const request = (method, uri, position) => client.request(method, { textDocument: { uri }, position });

test('a document whose parse was dropped answers completion, hover, outline and folding as before', async () => {
  const uri = docUri('evicted');
  const text = edit(complete1, 'dialingMode: Preview', 'dialingMode: ');
  const diagnostics = await client.open(uri, text);
  const position = after(text, 'dialingMode: ');
  const hoverAt = after(text, 'dialingOrd');
  const before = {
    completion: await request('textDocument/completion', uri, position),
    hover: await request('textDocument/hover', uri, hoverAt),
    symbols: await client.request('textDocument/documentSymbol', { textDocument: { uri } }),
    folding: await client.request('textDocument/foldingRange', { textDocument: { uri } }),
  };
  assert.ok(before.completion.items.some((i) => i.label === 'Progressive'));
  assert.ok(before.hover);

  await evictEverything();

  assert.deepEqual(await request('textDocument/completion', uri, position), before.completion);
  assert.deepEqual(await request('textDocument/hover', uri, hoverAt), before.hover);
  assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), before.symbols);
  assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), before.folding);
  // Quick fixes travel with the diagnostics; fix-all re-validates the document on request.
  const fixAll = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics, only: ['source.fixAll.kore-campaign'] },
  });
  assert.ok(Array.isArray(fixAll));
  client.notify('textDocument/didClose', { textDocument: { uri } });
});

test('an edit to a document whose parse was dropped is validated like any other', async () => {
  const uri = docUri('evicted-edit');
  assert.deepEqual(await client.open(uri, complete1), []);
  await evictEverything();
  const line = complete1.split('\n').findIndex((l) => l.startsWith('priority:'));
  const broken = await client.change(uri, [{ range: { start: { line, character: 10 }, end: { line, character: 13 } }, text: '5' }]);
  const expected = core.validateText(edit(complete1, 'priority: "4"', 'priority: 5'));
  assert.deepEqual(summarise(broken), summarise(expected));
  assert.equal(broken.length, 1);
  const fixed = await client.change(uri, [{ range: { start: { line, character: 10 }, end: { line, character: 11 } }, text: '"4"' }]);
  assert.deepEqual(fixed, []);
  client.notify('textDocument/didClose', { textDocument: { uri } });
});

test('time zones of open documents whose parse was dropped still come first in completion', async () => {
  const chicago = docUri('chicago');
  await client.open(chicago, edit(complete1, 'timezone: Asia/Kolkata # India', 'timezone: America/Chicago'));
  // A broken file has no plain value: its zone is read from the syntax tree before the parse goes.
  const denver = docUri('denver');
  await client.open(
    denver,
    edit(edit(complete1, 'timezone: Asia/Kolkata # India', 'timezone: America/Denver'), 'dialingMode: Preview', 'dialingMode: [Preview'),
  );
  await evictEverything();
  const uri = docUri('asking');
  await client.open(uri, inProgress);
  const result = await request('textDocument/completion', uri, after(inProgress, 'timezone:'));
  const sorted = [...result.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
  for (const zone of ['America/Chicago', 'America/Denver', 'Europe/Lisbon', 'Europe/Oslo']) {
    assert.match(result.items.find((i) => i.label === zone).detail, /used in this workspace/, zone);
    assert.ok(sorted.indexOf(zone) < sorted.indexOf('Africa/Abidjan'), `${zone} is listed first`);
  }
  // A closed document's zone is no longer "used" (unless a workspace file names it).
  client.notify('textDocument/didClose', { textDocument: { uri: denver } });
  const later = await request('textDocument/completion', uri, after(inProgress, 'timezone:'));
  assert.doesNotMatch(later.items.find((i) => i.label === 'America/Denver').detail ?? '', /used in this workspace/);
  for (const other of [chicago, uri]) client.notify('textDocument/didClose', { textDocument: { uri: other } });
});

test('with validation off, open documents still sort completion by their time zone', async () => {
  const quiet = await startServer({ settings: { validate: { enable: false } } });
  try {
    const other = docUri('quiet-other');
    assert.deepEqual(await quiet.open(other, edit(complete1, 'timezone: Asia/Kolkata # India', 'timezone: Pacific/Auckland')), []);
    const uri = docUri('quiet');
    await quiet.open(uri, inProgress);
    const result = await quiet.request('textDocument/completion', { textDocument: { uri }, position: after(inProgress, 'timezone:') });
    assert.match(result.items.find((i) => i.label === 'Pacific/Auckland').detail, /used in this workspace/);
  } finally {
    await quiet.stop();
  }
});

test('the benchmark starts the server with the V8 flags the extension starts it with', async () => {
  const { readFileSync } = await import('node:fs');
  const { SERVER_EXEC_ARGV } = await import('../bench/lsp-driver.mjs');
  const client = readFileSync(new URL('../client/src/languageClient.ts', import.meta.url), 'utf8');
  const run = /run: \{[^}]*execArgv: (\[[^\]]*\])/.exec(client);
  assert.ok(run, 'client/src/languageClient.ts gives the server execArgv');
  assert.deepEqual(JSON.parse(run[1].replace(/'/g, '"')), SERVER_EXEC_ARGV);
});

/** Peak resident memory (MB) of a server that opens and edits two 50,000-line files in turn. */
async function peakWithTwoLargeFiles(server) {
  const { readFileSync } = await import('node:fs');
  const base = readFixture('valid.campaign.yaml');
  const days = Array.from(
    { length: 16_700 },
    (_, i) =>
      `      - day: ${['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][i % 7]}\n        start: ${1 + (i % 11)}:00 AM\n        end: ${1 + (i % 11)}:30 PM\n`,
  ).join('');
  const lists = Array.from({ length: 50_000 }, (_, i) => `  - Contact list number ${i}\n`).join('');
  for (const [name, text] of [
    ['days', base.replace(/      - day: MO[\s\S]*?(?=  dialingOrder)/, days)],
    ['lists', base.replace('  - Recent Buyers - Q2 2025\n', lists)],
  ]) {
    assert.ok(text.split('\n').length > 50_000);
    const uri = docUri(`large-${name}`);
    // Generous waits: a 50,000-line file on a busy machine is not what this test times.
    const opened = server.nextDiagnostics(uri, (p) => p.version === 1, 120_000);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'kore-campaign', version: 1, text } });
    await opened;
    for (let version = 2; version <= 3; version++) {
      const changed = server.nextDiagnostics(uri, (p) => p.version === version, 120_000);
      const line = 30_000 + version;
      server.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '#' }],
      });
      await changed;
    }
  }
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))[1]) / 1024;
}

test(
  "the server applies the V8 heap flags itself: started without them (as other editors start it), its peak memory is close to the extension's",
  { timeout: 600_000 },
  async () => {
    const { readFileSync } = await import('node:fs');
    const { SERVER_EXEC_ARGV } = await import('../bench/lsp-driver.mjs');
    const source = readFileSync(new URL('../server/src/heapLimits.ts', import.meta.url), 'utf8');
    const flags = /SERVER_V8_FLAGS = (\[[^\]]*\])/.exec(source);
    assert.deepEqual(JSON.parse(flags[1].replace(/'/g, '"')), SERVER_EXEC_ARGV);
    const peaks = {};
    for (const [kind, options] of [
      ['with flags', { execArgv: SERVER_EXEC_ARGV }],
      ['plain', {}],
    ]) {
      const server = await startServer(options);
      try {
        peaks[kind] = await peakWithTwoLargeFiles(server);
      } finally {
        await server.stop();
      }
    }
    // Without the server's own flags the plain one peaked at twice the other (337 against 156 MB).
    assert.ok(peaks.plain < peaks['with flags'] * 1.35, `peak resident memory: ${JSON.stringify(peaks)} MB`);
    assert.ok(peaks['with flags'] < 300, `peak resident memory: ${JSON.stringify(peaks)} MB`);
  },
);
