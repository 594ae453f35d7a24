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
    assert.ok(server.logs.some((m) => m.type === LEVEL.info && m.message === `Settings for ${pathToFileURL(folder).href}/: every rule at its own severity`));
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
    assert.deepEqual(diagnostics.map((d) => d.code), ['time-format']);
    const failure = server.logs.find((m) => /could not be read/.test(m.message));
    assert.ok(failure, JSON.stringify(server.logs));
    assert.equal(failure.type, LEVEL.error);
    assert.match(failure.message, new RegExp(`^Settings for ${pathToFileURL(folder).href}/ could not be read \\(\\w+\\); every rule keeps its own severity\\.$`));
  } finally {
    await server.stop();
  }
});
