// What the language server writes to its output channel (window/logMessage, shown in the
// "Kore.ai Campaigns (language server)" channel): levels, file names, never a campaign's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './helpers/lsp-client.mjs';
import { readFixture, tempDir } from './helpers/fixtures.mjs';

const LEVEL = { error: 1, warning: 2, info: 3 };
const text = readFixture('time-24-hour.campaign.yaml');
/** Words of the campaign that must never reach the log. */
const CONTENT = ['18:00', 'dialingStrategy', 'Recent Buyers'];

test('start and settings at info; a validation over the threshold at warning, with the file name and its size', async () => {
  const folder = tempDir('kore-log-');
  const server = await startServer({ workspaceFolder: folder, env: { KORE_CAMPAIGN_SLOW_VALIDATION_MS: '0' } });
  try {
    const uri = pathToFileURL(path.join(folder, 'Billing Reminder.campaign.yaml')).href;
    await server.open(uri, text);
    const lines = text.split('\n').length;
    const slow = server.logs.find((m) => m.message.startsWith('Validating '));
    assert.ok(slow, JSON.stringify(server.logs));
    assert.equal(slow.type, LEVEL.warning);
    assert.match(slow.message, new RegExp(`^Validating Billing Reminder\\.campaign\\.yaml \\(${lines} lines\\) took \\d+ ms\\.$`));
    const start = server.logs.find((m) => /started/.test(m.message));
    assert.equal(start.type, LEVEL.info);
    assert.match(start.message, /^Kore\.ai campaign language server \d+\.\d+\.\d+ started \(Node v\d+/);
    assert.ok(
      server.logs.some(
        (m) => m.type === LEVEL.info && m.message === `Settings for ${pathToFileURL(folder).href}/: every rule at its own severity`,
      ),
    );
    for (const word of CONTENT) assert.ok(!server.logs.some((m) => m.message.includes(word)), word);
  } finally {
    await server.stop();
  }
});

test('below the threshold nothing is logged per validation', async () => {
  const server = await startServer({ env: { KORE_CAMPAIGN_SLOW_VALIDATION_MS: '60000' } });
  try {
    await server.open(pathToFileURL(path.join(tempDir('kore-log-'), 'a.campaign.yaml')).href, text);
    assert.ok(!server.logs.some((m) => m.message.startsWith('Validating ')), JSON.stringify(server.logs));
  } finally {
    await server.stop();
  }
});

test('settings that cannot be read: an error naming the folder, and the rules keep their own severities', async () => {
  const folder = tempDir('kore-log-');
  const server = await startServer({ workspaceFolder: folder });
  try {
    // The client fails every configuration request from now on.
    server.connection.onRequest('workspace/configuration', () => {
      throw new Error('configuration store unavailable');
    });
    server.setSettings({});
    const uri = pathToFileURL(path.join(folder, 'a.campaign.yaml')).href;
    const diagnostics = await server.open(uri, text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['time-format'],
    );
    const failure = server.logs.find((m) => /could not be read/.test(m.message));
    assert.ok(failure, JSON.stringify(server.logs));
    assert.equal(failure.type, LEVEL.error);
    assert.match(
      failure.message,
      new RegExp(`^Settings for ${pathToFileURL(folder).href}/ could not be read \\(\\w+\\); every rule keeps its own severity\\.$`),
    );
  } finally {
    await server.stop();
  }
});

// No input a client sends in normal use makes a handler throw (unknown documents, positions past
// the end and unknown diagnostics all answer empty), so a buggy client's malformed params stand
// in for the bug: each reaches the handler's own code, as a real exception would.
const MALFORMED = [
  ['textDocument/completion', (uri) => ({ textDocument: { uri } })],
  ['textDocument/hover', (uri) => ({ textDocument: { uri } })],
  [
    'textDocument/codeAction',
    (uri) => ({ textDocument: { uri }, range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } } }),
  ],
  // The file's own diagnostic (with its fixes) sent back without its range.
  [
    'textDocument/codeAction',
    (uri, [diagnostic]) => ({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [{ ...diagnostic, range: null }] } }),
  ],
  ['textDocument/selectionRange', (uri) => ({ textDocument: { uri }, positions: [null] })],
];

test('an exception in a feature handler: an error naming the handler and the file, with the stack; an empty answer; the next request is answered', async () => {
  const folder = tempDir('kore-log-');
  const server = await startServer({ workspaceFolder: folder });
  try {
    const uri = pathToFileURL(path.join(folder, 'Billing Reminder.campaign.yaml')).href;
    const diagnostics = await server.open(uri, text);
    assert.ok(diagnostics[0]?.data?.fixes?.length, JSON.stringify(diagnostics));
    const hoverName = { textDocument: { uri }, position: { line: 2, character: 2 } };
    for (const [method, params] of MALFORMED) {
      const before = server.logs.length;
      assert.equal(await server.request(method, params(uri, diagnostics)), null, method);
      const errors = server.logs.slice(before).filter((m) => m.type === LEVEL.error);
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0].message, new RegExp(`^${method} failed for Billing Reminder\\.campaign\\.yaml: TypeError\\n {4}at `));
      // Still serving: the next request on the same file is answered as usual.
      const hover = await server.request('textDocument/hover', hoverName);
      assert.match(hover?.contents?.value ?? '', /name/i, method);
    }
    for (const word of CONTENT) assert.ok(!server.logs.some((m) => m.message.includes(word)), word);
  } finally {
    await server.stop();
  }
});

test('a handler called with no document says so; a URI query (a virtual file system token) never reaches the log', async () => {
  const server = await startServer();
  try {
    const uri = 'vscode-vfs://github/acme/campaigns/billing.campaign.yaml?ref=token-7f3a9c';
    await server.open(uri, text);
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange']) {
      const before = server.logs.length;
      assert.equal(await server.request(method, { textDocument: null }), null);
      const errors = server.logs.slice(before).filter((m) => m.type === LEVEL.error);
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0].message, new RegExp(`^${method} failed: TypeError\\n {4}at `));
      const answer = await server.request(method, { textDocument: { uri } });
      assert.ok(answer.length > 0, method);
    }
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri } }), null);
    const failure = server.logs.find((m) => m.message.startsWith('textDocument/hover failed'));
    assert.match(failure?.message ?? '', /^textDocument\/hover failed for billing\.campaign\.yaml: TypeError\n/);
    assert.ok(!server.logs.some((m) => m.message.includes('token-7f3a9c')), JSON.stringify(server.logs));
  } finally {
    await server.stop();
  }
});
