// The "Preview calling hours" code lens from the language server: offered to a client that names
// its preview command (the VS Code extension does, in initializationOptions), on the
// `callingHours` key, following the file as it changes; other clients get no lens they cannot run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from './helpers/lsp-client.mjs';
import { readFixture } from './helpers/fixtures.mjs';

const COMMAND = 'koreCampaign.previewCallingHours';
const uri = 'file:///work/kolkata.campaign.yaml';

test('a client naming its preview command gets the lens on callingHours, updated with the file', async () => {
  const server = await startServer({ initializationOptions: { callingHoursPreviewCommand: COMMAND } });
  try {
    assert.deepEqual(server.initialize.capabilities.codeLensProvider, { resolveProvider: false });
    const text = readFixture('hours/kolkata-week.campaign.yaml');
    await server.open(uri, text);
    const lenses = await server.request('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses, [
      {
        range: { start: { line: 11, character: 2 }, end: { line: 11, character: 14 } },
        command: { title: 'Preview calling hours (8 windows, Asia/Kolkata)', command: COMMAND, arguments: [uri] },
      },
    ]);
    // One window fewer, and the zone changed: the next lens says so.
    const lines = text.split('\n');
    const last = lines.findIndex((l) => l.includes('the Sunday before'));
    await server.change(uri, [{ range: { start: { line: last, character: 0 }, end: { line: last + 1, character: 0 } }, text: '' }]);
    const zone = lines.findIndex((l) => l.includes('timezone:'));
    await server.change(uri, [
      { range: { start: { line: zone, character: 14 }, end: { line: zone, character: 26 } }, text: 'Europe/Berlin' },
    ]);
    const [after] = await server.request('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(after.command.title, 'Preview calling hours (7 windows, Europe/Berlin)');
    // A file without callingHours has no lens.
    await server.open('file:///work/none.campaign.yaml', 'name: nothing to draw\n');
    assert.deepEqual(await server.request('textDocument/codeLens', { textDocument: { uri: 'file:///work/none.campaign.yaml' } }), []);
  } finally {
    await server.stop();
  }
});

test('a client that names no preview command is offered no code lens', async () => {
  const server = await startServer();
  try {
    assert.equal(server.initialize.capabilities.codeLensProvider, undefined);
    await server.open(uri, readFixture('hours/kolkata-week.campaign.yaml'));
    assert.equal(await server.request('textDocument/codeLens', { textDocument: { uri } }), null);
  } finally {
    await server.stop();
  }
});
