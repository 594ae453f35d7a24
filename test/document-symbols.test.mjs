// Outline, folding and selection ranges over LSP against the built server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServer } from './helpers/lsp-client.mjs';
import { after, at, authoringFixture, docUri, edit } from './helpers/authoring.mjs';

const client = sharedServer();

async function request(method, text, extra = {}) {
  const uri = docUri('outline');
  await client.open(uri, text);
  const result = await client.request(method, { textDocument: { uri }, ...extra });
  client.notify('textDocument/didClose', { textDocument: { uri } });
  return result;
}

/** `name (detail) [kind]` with children indented: the tree as the Outline view shows it. */
function outline(symbols, depth = 0) {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''} [${s.kind}]`,
    ...outline(s.children ?? [], depth + 1),
  ]);
}

const complete = authoringFixture('complete.campaign.yaml');

test('the outline: the campaign by its name at the root, sections beneath, one entry per calling window', async () => {
  const symbols = await request('textDocument/documentSymbol', complete);
  assert.deepEqual(outline(symbols), [
    'Renewal Reminder (Preview voice campaign) [2]',
    '  name (Renewal Reminder) [15]',
    '  description (Reminds customers that their plan renews next week.) [15]',
    '  contactLists (1 entry) [18]',
    '    Renewals - November [15]',
    '  priority (4) [22]',
    '  dialingMode (Preview) [22]',
    '  dialingStrategy (Dialing strategy) [19]',
    '    callerId (Caller ID) [19]',
    '      phoneNumber (+18123456789) [15]',
    '    callingHours (WEEKLY · Asia/Kolkata) [19]',
    '      frequency (WEEKLY) [22]',
    '      timezone (Asia/Kolkata) [15]',
    '      days (2 entries) [18]',
    '        MO 9:00 AM-6:00 PM (calling window) [24]',
    '        TU 10:00 AM-1:00 PM (calling window) [24]',
    '    dialingOrder (FIFO) [22]',
    '    maxAttemptsPerRecord (3) [16]',
    '    defaultRetryPeriod (10) [16]',
    '    maxRingTime (30) [16]',
    '  schedule (Schedule) [19]',
    '    isSchedulingEnabled (false) [17]',
    '  queue_name (Renewals) [15]',
    '  enableMachineDetect (false) [17]',
    '  maxSkips (1) [16]',
    '  campaignType (voice) [22]',
  ]);
  const [root] = symbols;
  assert.deepEqual(root.selectionRange, { start: at(complete, 'Renewal Reminder'), end: after(complete, 'Renewal Reminder') });
  const strategy = root.children.find((s) => s.name === 'dialingStrategy');
  assert.deepEqual(strategy.range.start, at(complete, 'dialingStrategy'));
  assert.deepEqual(strategy.range.end, after(complete, 'maxRingTime: 30 # seconds'));
  const monday = strategy.children[1].children[2].children[0];
  assert.deepEqual(monday.range, { start: at(complete, 'day: MO'), end: after(complete, 'end: 6:00 PM') });
});

test('the outline of a file without a name, and of a flow-style one', async () => {
  const unnamed = await request('textDocument/documentSymbol', edit(complete, 'name: Renewal Reminder # shown in Kore.ai\n', ''));
  assert.equal(unnamed[0].name, 'Campaign');
  const flow = await request('textDocument/documentSymbol', authoringFixture('flow-days.campaign.yaml'));
  const days = flow[0].children
    .find((s) => s.name === 'dialingStrategy')
    .children.find((s) => s.name === 'callingHours')
    .children.find((s) => s.name === 'days');
  assert.deepEqual(
    days.children.map((s) => s.name),
    ['MO 6:00 AM-6:00 PM', 'TU 9:00 AM-5:00 PM'],
  );
  assert.deepEqual(await request('textDocument/documentSymbol', ''), []);
});

test("folding: each mapping and list from its key's line, and comment blocks", async () => {
  const ranges = await request('textDocument/foldingRange', complete);
  const lineOf = (needle) => at(complete, needle).line;
  const fold = (from, to) => ranges.some((r) => r.startLine === lineOf(from) && r.endLine === lineOf(to) && r.kind === undefined);
  assert.ok(fold('contactLists', '- Renewals - November'));
  assert.ok(fold('dialingStrategy', 'maxRingTime'));
  assert.ok(fold('callingHours', 'end: 1:00 PM'));
  assert.ok(fold('days:', 'end: 1:00 PM'));
  assert.ok(fold('- day: MO', 'end: 6:00 PM'));
  assert.ok(fold('schedule', 'isSchedulingEnabled'));
  const comments = await request('textDocument/foldingRange', authoringFixture('in-progress.campaign.yaml'));
  assert.ok(comments.some((r) => r.kind === 'comment' && r.startLine === 0 && r.endLine === 1));
});

test('selection ranges grow from the value to its pair, its mapping and out to the document', async () => {
  const position = at(complete, '10 # minutes');
  const [selection] = await request('textDocument/selectionRange', complete, { positions: [position] });
  const chain = [];
  for (let s = selection; s; s = s.parent) chain.push(s.range);
  const text = (range) => {
    const lines = complete.split('\n');
    if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
    return `${lines[range.start.line].slice(range.start.character)}...${lines[range.end.line].slice(0, range.end.character)}`;
  };
  assert.deepEqual(chain.slice(0, 3).map(text), ['10', 'defaultRetryPeriod: 10', 'callerId:...  maxRingTime: 30 # seconds']);
  assert.deepEqual(chain.at(-1), { start: { line: 0, character: 0 }, end: after(complete, 'campaignType: voice\n') }, 'the whole file');
});
