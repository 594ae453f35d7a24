// Quick fixes and "Fix all" over LSP against the built server: each fix's resulting text, with
// comments, key order and indentation intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServer } from './helpers/lsp-client.mjs';
import { applyEdits, authoringFixture, docUri, edit } from './helpers/authoring.mjs';

const client = sharedServer();

const fixable = authoringFixture('fixable.campaign.yaml');

/** Open `text`, and return its diagnostics and a function asking for the code actions of one of them, as VS Code does. */
async function openWithActions(text) {
  const uri = docUri('actions');
  const diagnostics = await client.open(uri, text);
  const actionsFor = (diagnostic) =>
    client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
  const fixAll = () =>
    client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
    });
  return { uri, diagnostics, actionsFor, fixAll };
}

/** The lines that differ between two texts, as [before, after] pairs (removed or added lines as ''). */
function changedLines(before, afterText) {
  const a = before.split('\n');
  const b = afterText.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

const CASES = [
  ['type', 'priority', 'Quote it: "5"', ['priority: 5 # the API wants a string'], ['priority: "5" # the API wants a string']],
  ['enum', 'dialingMode', 'Change to "Preview"', ['dialingMode: preview # exact case'], ['dialingMode: Preview # exact case']],
  ['enum', 'frequency', 'Change to "WEEKLY"', ['    frequency: weekly # upper case'], ['    frequency: WEEKLY # upper case']],
  [
    'timezone',
    'timezone',
    'Change to "Asia/Kolkata"',
    ['    timezone: Asia/Kolkatta # misspelt'],
    ['    timezone: Asia/Kolkata # misspelt'],
  ],
  [
    'time-format',
    'start',
    'Change to "9:00 AM"',
    ['        start: 9am # 12-hour clock with minutes'],
    ['        start: 9:00 AM # 12-hour clock with minutes'],
  ],
  ['time-format', 'end', 'Change to "6:00 PM"', ['        end: 18:00 # 24-hour clock'], ['        end: 6:00 PM # 24-hour clock']],
  [
    'unknown-key',
    'queue-name',
    'Rename to "queue_name"',
    ['queue-name: Renewals # the API spells it queue_name'],
    ['queue_name: Renewals # the API spells it queue_name'],
  ],
  [
    'type',
    'maxRingTime',
    'Unquote it: 30',
    ['  maxRingTime: "30" # a number, not a string'],
    ['  maxRingTime: 30 # a number, not a string'],
  ],
  [
    'type',
    'enableMachineDetect',
    'Change to false',
    ['enableMachineDetect: "false" # a boolean, not a string'],
    ['enableMachineDetect: false # a boolean, not a string'],
  ],
  [
    'duplicate-window',
    'days[2]',
    'Remove the repeated TU window',
    ['      - day: TU # the same window again', '        start: 10:00 AM', '        end: 1:00 PM'],
    [],
  ],
];

for (const [code, where, title, removed, added] of CASES) {
  test(`quick fix for ${code} at ${where}: "${title}" (preferred), comments intact`, async () => {
    const { diagnostics, actionsFor } = await openWithActions(fixable);
    const diagnostic = diagnostics.find((d) => d.code === code && d.data?.path?.endsWith(where));
    assert.ok(diagnostic, `a ${code} diagnostic at ${where}`);
    const actions = await actionsFor(diagnostic);
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `"${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, [diagnostic]);
    const result = applyEdits(fixable, action.edit.changes[Object.keys(action.edit.changes)[0]]);
    assert.deepEqual(changedLines(fixable, result), { removed, added });
  });
}

test('duplicate contact list: the repeated entry is removed with its line', async () => {
  const { diagnostics, actionsFor } = await openWithActions(fixable);
  const diagnostic = diagnostics.find((d) => d.code === 'duplicate-contact-list');
  const [action] = await actionsFor(diagnostic);
  const result = applyEdits(fixable, action.edit.changes[Object.keys(action.edit.changes)[0]]);
  assert.deepEqual(changedLines(fixable, result), { removed: ['  - Renewals - November # listed twice'], added: [] });
});

test('missing required fields are inserted where the API order puts them, with placeholders, not preferred', async () => {
  // campaignType is missing at the top level; maxRingTime and dialingOrder inside dialingStrategy.
  const text = edit(edit(fixable, '  dialingOrder: FIFO\n', ''), '  maxRingTime: "30" # a number, not a string\n', '');
  const { diagnostics, actionsFor } = await openWithActions(text);
  const strategy = diagnostics.find((d) => d.code === 'required' && d.message.startsWith('dialingStrategy'));
  assert.equal(strategy.message, 'dialingStrategy is missing the required fields dialingOrder and maxRingTime.');
  const [action] = await actionsFor(strategy);
  assert.equal(action.title, 'Add the missing fields dialingOrder and maxRingTime');
  assert.equal(action.isPreferred, undefined, 'placeholders need the author: not applied by fix-all');
  const result = applyEdits(text, action.edit.changes[Object.keys(action.edit.changes)[0]]);
  assert.ok(
    result.includes(
      '        end: 1:00 PM\n  dialingOrder: FIFO\n  maxAttemptsPerRecord: 3\n  defaultRetryPeriod: 10 # minutes\n  maxRingTime: 30\n\nenableMachineDetect',
    ),
    result,
  );

  const top = diagnostics.find((d) => d.code === 'required' && d.message.startsWith('The campaign'));
  const [topAction] = await actionsFor(top);
  assert.equal(topAction.title, 'Add the missing field campaignType');
  assert.ok(
    applyEdits(text, topAction.edit.changes[Object.keys(topAction.edit.changes)[0]]).endsWith('maxSkips: 1\ncampaignType: voice\n'),
  );
});

test('a mapping left empty (`callerId:`) gets its required fields, one level in; an empty author value stays flagged', async () => {
  const complete = authoringFixture('complete.campaign.yaml');
  const text = edit(complete, '  callerId:\n    phoneNumber: "+18123456789"\n', '  callerId: # whose number?\n');
  const { diagnostics, actionsFor } = await openWithActions(text);
  const diagnostic = diagnostics.find((d) => d.data?.path === 'dialingStrategy.callerId');
  const [action] = await actionsFor(diagnostic);
  assert.equal(action.title, 'Add the missing field phoneNumber');
  const result = applyEdits(text, action.edit.changes[Object.keys(action.edit.changes)[0]]);
  assert.ok(result.includes('  callerId: # whose number?\n    phoneNumber: ""\n  callingHours:'), result);
  const after = await client.open(docUri('after'), result);
  assert.deepEqual(
    after.map((d) => d.code),
    ['caller-id-e164'],
    'the placeholder is not a phone number: it stays flagged',
  );
});

test('"Fix all auto-fixable problems" applies every preferred fix at once; comments and order stay', async () => {
  const { fixAll } = await openWithActions(fixable);
  const actions = await fixAll();
  assert.equal(actions.length, 1);
  const [action] = actions;
  assert.equal(action.title, 'Fix all auto-fixable problems');
  assert.equal(action.kind, 'source.fixAll.kore-campaign');
  const result = applyEdits(fixable, action.edit.changes[Object.keys(action.edit.changes)[0]]);
  assert.equal(result, authoringFixture('fixable.fixed.campaign.yaml'));
  // Only the missing campaignType is left: its placeholder is the author's call.
  const left = await client.open(docUri('fixed'), result);
  assert.deepEqual(
    left.map((d) => d.message),
    ['The campaign is missing the required field campaignType.'],
  );
});

test('the light bulb also offers "Fix all" when more than one problem can be fixed, and nothing for a clean file', async () => {
  const { diagnostics, actionsFor } = await openWithActions(fixable);
  const actions = await actionsFor(diagnostics.find((d) => d.code === 'enum'));
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind]),
    [
      ['Change to "Preview"', 'quickfix'],
      ['Fix all auto-fixable problems', 'quickfix'],
    ],
  );
  const clean = await openWithActions(authoringFixture('complete.campaign.yaml'));
  assert.deepEqual(clean.diagnostics, []);
  assert.deepEqual(await clean.fixAll(), []);
});
