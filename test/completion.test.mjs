// Completion over LSP against the built server: what is offered at named places in real
// campaign files (complete, half-typed, broken, flow style, empty), and what accepting it writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServer, startServer } from './helpers/lsp-client.mjs';
import { accept, after, at, authoringFixture, docUri, edit, schema } from './helpers/authoring.mjs';

const client = sharedServer();

async function complete(text, position, context) {
  const uri = docUri('complete');
  await client.open(uri, text);
  const result = await client.request('textDocument/completion', { textDocument: { uri }, position, ...(context ? { context } : {}) });
  client.notify('textDocument/didClose', { textDocument: { uri } });
  return result;
}

const labels = (result) => result.items.map((i) => i.label);
const byLabel = (result, label) => result.items.find((i) => i.label === label);
/** Labels in the order the editor shows them (sortText, then label). */
const sorted = (result) =>
  [...result.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);

const complete1 = authoringFixture('complete.campaign.yaml');
const inProgress = authoringFixture('in-progress.campaign.yaml');

test('top level: only the keys not yet written, required ones first, each with type and the API docs', async () => {
  // Remove queue_name and maxSkips, then ask on a new empty line at the top level.
  const text = edit(edit(complete1, 'queue_name: Renewals\n', ''), 'maxSkips: 1\n', '') + '\n';
  const result = await complete(text, { line: text.split('\n').length - 1, character: 0 });
  assert.deepEqual(sorted(result), ['queue_name', 'maxSkips', 'campaignId', 'experienceFlowName']);
  const maxSkips = byLabel(result, 'maxSkips');
  assert.equal(maxSkips.kind, 10 /* Property */);
  assert.equal(maxSkips.detail, 'whole number, 0 or more · required');
  assert.ok(maxSkips.documentation.value.includes(schema.properties.maxSkips.markdownDescription), "the docs are the schema's");
  assert.equal(maxSkips.textEdit.newText, 'maxSkips: ${1:0}');
  assert.equal(byLabel(result, 'campaignId').detail, 'string, not empty · optional');
});

test('in a nested mapping: its own missing keys only (callerId offers phoneNumber; a full mapping offers none)', async () => {
  const emptyCaller = edit(complete1, '    phoneNumber: "+18123456789"\n', '    \n');
  const caller = await complete(emptyCaller, after(emptyCaller, '  callerId:\n    '));
  assert.deepEqual(labels(caller), ['phoneNumber']);
  assert.equal(
    caller.items[0].textEdit.newText,
    'phoneNumber: "${1:+12025550100}"',
    'a phone number is quoted: +1... would read as a number',
  );

  const fullStrategy = edit(complete1, '  maxRingTime: 30 # seconds\n', '  maxRingTime: 30 # seconds\n  \n');
  const none = await complete(fullStrategy, after(fullStrategy, '# seconds\n  '));
  assert.deepEqual(labels(none), [], 'dialingStrategy has every key: nothing to offer');
});

test('dialingStrategy inserts its required children as a snippet; accepted, the file has no missing fields', async () => {
  const start = complete1.indexOf('dialingStrategy:');
  const end = complete1.indexOf('schedule:');
  const text = complete1.slice(0, start) + complete1.slice(end);
  const position = after(text, 'dialingMode: Preview\n\n');
  const result = await complete(text.replace('dialingMode: Preview\n\n', 'dialingMode: Preview\n\n\n'), position);
  const item = byLabel(result, 'dialingStrategy');
  assert.equal(item.insertTextFormat, 2 /* Snippet */);
  assert.equal(item.insertTextMode, 1 /* asIs: the indentation is final */);
  assert.equal(
    item.textEdit.newText,
    [
      'dialingStrategy:',
      '  callerId:',
      '    phoneNumber: "${1:+12025550100}"',
      '  callingHours:',
      '    frequency: ${2|WEEKLY,DAILY,CUSTOM|}',
      '    timezone: ${3:America/New_York}',
      '    days:',
      '      - day: ${4:MO}',
      '        start: ${5:9:00 AM}',
      '        end: ${6:6:00 PM}',
      '  dialingOrder: ${7|FIFO,LIFO|}',
      '  maxAttemptsPerRecord: ${8:3}',
      '  defaultRetryPeriod: ${9:10}',
      '  maxRingTime: ${10:30}',
    ].join('\n'),
  );
  // Accepted with Tab alone (every placeholder an example that validates), the campaign is valid again.
  const accepted = accept(text.replace('dialingMode: Preview\n\n', 'dialingMode: Preview\n\n\n'), item);
  const uri = docUri('accepted');
  assert.deepEqual(await client.open(uri, accepted), []);
});

test("a new days item inserts day, start and end (the schema's snippet), at the list's indentation", async () => {
  const text = edit(complete1, '        end: 1:00 PM\n', '        end: 1:00 PM\n      - \n');
  const result = await complete(text, after(text, '1:00 PM\n      - '));
  assert.equal(result.items[0].label, 'calling window');
  assert.equal(result.items[0].textEdit.newText, 'day: ${1:MO}\n        start: ${2:9:00 AM}\n        end: ${3:6:00 PM}');
  assert.deepEqual(labels(result).slice(1), ['day', 'start', 'end']);
  const accepted = accept(text, result.items[0]);
  assert.ok(accepted.includes('      - day: MO\n        start: 9:00 AM\n        end: 6:00 PM\n'));

  // On an empty line under `days:` (no dash yet) the item comes with its dash.
  const noDash = edit(complete1, '        end: 1:00 PM\n', '        end: 1:00 PM\n      \n');
  const item = (await complete(noDash, after(noDash, '1:00 PM\n      '))).items[0];
  assert.equal(item.textEdit.newText, '- day: ${1:MO}\n        start: ${2:9:00 AM}\n        end: ${3:6:00 PM}');
});

test('enum values: dialingMode, frequency, dialingOrder, campaignType, each with its description', async () => {
  const mode = await complete(inProgress, after(inProgress, 'dialingMode:'));
  assert.deepEqual(labels(mode), ['Agentless', 'Progressive', 'Preview']);
  assert.equal(byLabel(mode, 'Preview').detail, 'Agents preview each contact before the call is placed; see maxSkips.');
  assert.equal(byLabel(mode, 'Preview').textEdit.newText, ' Preview', 'right after the colon, a space is inserted too');

  const frequency = edit(complete1, 'frequency: WEEKLY', 'frequency: ');
  assert.deepEqual(labels(await complete(frequency, after(frequency, 'frequency: '))), ['WEEKLY', 'DAILY', 'CUSTOM']);
  const order = edit(complete1, 'dialingOrder: FIFO', 'dialingOrder: L');
  const orderItems = await complete(order, after(order, 'dialingOrder: L'));
  assert.deepEqual(labels(orderItems), ['FIFO', 'LIFO']);
  assert.deepEqual(
    orderItems.items[1].textEdit.range,
    { start: after(order, 'dialingOrder: '), end: after(order, 'dialingOrder: L') },
    'replaces what is typed',
  );
  const type = edit(complete1, 'campaignType: voice', 'campaignType: ');
  assert.deepEqual(labels(await complete(type, after(type, 'campaignType: '))), ['voice', 'sms']);
});

test('priority values are inserted quoted ("5"), or completed inside quotes the author opened', async () => {
  const result = await complete(inProgress, after(inProgress, 'priority:'));
  assert.deepEqual(labels(result), ['1', '2', '3', '4', '5']);
  assert.equal(byLabel(result, '5').textEdit.newText, ' "5"');
  assert.equal(byLabel(result, '5').detail, 'highest');

  const quoted = edit(complete1, 'priority: "4"', 'priority: ""');
  const inside = await complete(quoted, after(quoted, 'priority: "'), { triggerKind: 2, triggerCharacter: '"' });
  const five = byLabel(inside, '5');
  assert.equal(five.textEdit.newText, '5"');
  assert.ok(accept(quoted, five).includes('priority: "5"\n'));
});

test('booleans offer true and false', async () => {
  const text = edit(complete1, 'enableMachineDetect: false', 'enableMachineDetect: ');
  assert.deepEqual(labels(await complete(text, after(text, 'enableMachineDetect: '))), ['true', 'false']);
  const scheduling = edit(complete1, 'isSchedulingEnabled: false', 'isSchedulingEnabled: ');
  assert.deepEqual(labels(await complete(scheduling, after(scheduling, 'isSchedulingEnabled: '))), ['true', 'false']);
});

test('day codes come with their full names, and a full name finds its code', async () => {
  const result = await complete(inProgress, after(inProgress, '      - day:'));
  assert.deepEqual(
    result.items.map((i) => `${i.label} ${i.detail}`),
    ['MO Monday', 'TU Tuesday', 'WE Wednesday', 'TH Thursday', 'FR Friday', 'SA Saturday', 'SU Sunday'],
  );
  assert.equal(byLabel(result, 'WE').filterText, 'WE Wednesday');
});

test("start and end offer the day in 30-minute steps in the API's 12-hour format", async () => {
  const text = edit(complete1, 'start: 10:00 AM', 'start: ');
  const result = await complete(text, after(text, 'start: ', 2));
  assert.equal(result.items.length, 48);
  assert.deepEqual(labels(result).slice(0, 3), ['12:00 AM', '12:30 AM', '1:00 AM']);
  assert.deepEqual(labels(result).slice(-2), ['11:00 PM', '11:30 PM']);
  const nine = byLabel(result, '9:00 AM');
  assert.equal(nine.preselect, true);
  assert.equal(nine.detail, '09:00');
  const end = edit(complete1, 'end: 1:00 PM', 'end: ');
  assert.equal((await complete(end, after(end, 'end: ', 2))).items.find((i) => i.preselect).label, '6:00 PM');
});

test('time zones: the full list with current offsets; typing filters it (kolk finds Asia/Kolkata, a city finds its zone)', async () => {
  const all = await complete(inProgress, after(inProgress, 'timezone:'));
  assert.ok(all.items.length >= 400, `${all.items.length} zones`);
  for (const zone of ['Asia/Kolkata', 'America/New_York', 'Europe/Kyiv', 'UTC', 'Asia/Calcutta'])
    assert.ok(labels(all).includes(zone), zone);
  assert.match(byLabel(all, 'Asia/Kolkata').detail, /^UTC\+05:30 · India/);
  assert.match(byLabel(all, 'Asia/Calcutta').detail, /legacy name of Asia\/Kolkata/);
  assert.ok(byLabel(all, 'Asia/Kolkata').sortText < byLabel(all, 'Asia/Calcutta').sortText, 'current names before legacy ones');

  const typed = edit(complete1, 'timezone: Asia/Kolkata # India', 'timezone: kolk');
  const kolk = await complete(typed, after(typed, 'timezone: kolk'));
  assert.deepEqual(labels(kolk), ['Asia/Kolkata']);
  assert.equal(kolk.isIncomplete, true, 'filtered by the server: ask again as typing goes on');
  assert.equal(kolk.items[0].textEdit.newText, 'Asia/Kolkata');
  assert.deepEqual(kolk.items[0].textEdit.range, { start: after(typed, 'timezone: '), end: after(typed, 'timezone: kolk') });

  const city = edit(complete1, 'timezone: Asia/Kolkata # India', 'timezone: mumbai');
  assert.ok(labels(await complete(city, after(city, 'timezone: mumbai'))).includes('Asia/Kolkata'));
});

test("time zones used by the workspace's other campaigns are listed first", async () => {
  const other = docUri('other');
  await client.open(other, edit(complete1, 'timezone: Asia/Kolkata # India', 'timezone: America/Chicago'));
  const result = await complete(inProgress, after(inProgress, 'timezone:'));
  const chicago = byLabel(result, 'America/Chicago');
  assert.match(chicago.detail, /used in this workspace/);
  assert.equal(sorted(result).indexOf('America/Chicago') < sorted(result).indexOf('Africa/Abidjan'), true);
  client.notify('textDocument/didClose', { textDocument: { uri: other } });
});

test('campaign files the client found in the workspace count too, before they are opened', async () => {
  // The extension scans the workspace (vscode.workspace.fs, so virtual file systems work too) and
  // sends the zones it found; the server reads no disk. A second list replaces the first.
  const server = await startServer();
  try {
    const uri = docUri('new-in-workspace');
    await server.open(uri, inProgress);
    const position = after(inProgress, 'timezone:');
    const nz = 'file:///workspace/regions/nz.campaign.yaml';
    server.notify('koreCampaign/workspaceTimeZones', {
      files: [
        { uri: nz, timeZone: 'Pacific/Auckland' },
        { uri: `${nz}x`, timeZone: 'Not/AZone' },
      ],
    });
    let result = await server.request('textDocument/completion', { textDocument: { uri }, position });
    assert.match(byLabel(result, 'Pacific/Auckland').detail, /used in this workspace/);
    assert.equal(sorted(result)[0], 'Pacific/Auckland');
    assert.doesNotMatch(byLabel(result, 'Asia/Kolkata').detail, /used in this workspace/);

    server.notify('koreCampaign/workspaceTimeZones', { files: [{ uri: nz, timeZone: 'America/Chicago' }] });
    result = await server.request('textDocument/completion', { textDocument: { uri }, position });
    assert.doesNotMatch(byLabel(result, 'Pacific/Auckland').detail, /used in this workspace/);
    assert.match(byLabel(result, 'America/Chicago').detail, /used in this workspace/);

    // A malformed message changes nothing it cannot read and does not break the server.
    server.notify('koreCampaign/workspaceTimeZones', { files: 'nonsense' });
    result = await server.request('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(byLabel(result, 'America/Chicago'));
  } finally {
    await server.stop();
  }
});

test('half-typed and broken YAML: a half key, an empty list item and empty values still complete', async () => {
  // in-progress.campaign.yaml does not even parse (`  dialingOrd` is a plain scalar where a key is expected).
  const key = await complete(inProgress, after(inProgress, '  dialingOrd'));
  assert.ok(labels(key).includes('dialingOrder'));
  assert.ok(!labels(key).includes('callerId'), 'callerId is already there');
  assert.deepEqual(byLabel(key, 'dialingOrder').textEdit.range, {
    start: at(inProgress, 'dialingOrd'),
    end: after(inProgress, '  dialingOrd'),
  });

  const unclosed = edit(complete1, 'name: Renewal Reminder', 'name: "Renewal Reminder');
  const day = edit(unclosed, '      - day: TU', '      - day: ');
  assert.deepEqual(labels(await complete(day, after(day, '      - day: ', 2))).slice(0, 2), ['MO', 'TU']);
});

test('flow style: keys and values inside `{ ... }` and nested flow mappings', async () => {
  const flow = authoringFixture('flow-days.campaign.yaml');
  const text = edit(flow, '{ day: TU, start: "9:00 AM", end: "5:00 PM" }', '{ day: TU, s }');
  const keys = await complete(text, after(text, '{ day: TU, s'));
  assert.deepEqual(labels(keys), ['start', 'end']);
  const value = edit(flow, 'end: "5:00 PM" }', 'end:  }');
  assert.equal((await complete(value, after(value, 'end: ', 2))).items.length, 48);
  const caller = edit(flow, '{ phoneNumber: "+18123456789" }', '{  }');
  assert.deepEqual(labels(await complete(caller, after(caller, 'callerId: { '))), ['phoneNumber']);
});

test('nothing where nothing is valid: in a comment, in a free-text value, and when indenting a line', async () => {
  assert.deepEqual((await complete(complete1, after(complete1, '# shown in'))).items, []);
  assert.deepEqual((await complete(complete1, after(complete1, 'name: Renewal'))).items, []);
  const text = edit(complete1, '  maxRingTime: 30 # seconds\n', '  maxRingTime: 30 # seconds\n  \n');
  const typedSpace = await complete(text, after(text, '# seconds\n  '), { triggerKind: 2, triggerCharacter: ' ' });
  assert.deepEqual(typedSpace.items, [], 'a space typed to indent does not pop up keys');
});

test('an empty file offers a whole, valid campaign', async () => {
  const result = await complete('', { line: 0, character: 0 });
  const template = result.items[0];
  assert.equal(template.label, 'Voice campaign');
  assert.equal(template.preselect, true);
  assert.ok(labels(result).includes('name'), 'the top-level keys follow');
  // Tab through every placeholder without typing: already a valid campaign.
  assert.deepEqual(await client.open(docUri('template-as-is'), accept('', template)), []);
  // Accept it and fill what only the author knows: the campaign is valid.
  // Fill what only the author knows: still valid.
  const text = edit(
    edit(edit(accept('', template), 'name: New voice campaign\n', 'name: Renewal Reminder\n'), '  - Contact list\n', '  - Renewals\n'),
    'timezone: America/New_York\n',
    'timezone: Asia/Kolkata\n',
  );
  assert.deepEqual(await client.open(docUri('template'), text), []);
  // The template's key order is the API's.
  assert.deepEqual(
    text
      .split('\n')
      .filter((l) => /^\w/.test(l))
      .map((l) => l.split(':')[0]),
    schema.required.filter((k) => k !== 'campaignId'),
  );
});
