// The policy rule group: calling windows outside 8:00 AM-9:00 PM in the campaign's zone and a
// ring under 15 s, as information by default and switchable; the clamp fix; the window hover.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedServer } from './helpers/lsp-client.mjs';
import { applyEdits, at, docUri, edit } from './helpers/authoring.mjs';
import { core, readFixture, summarise } from './helpers/fixtures.mjs';

const client = sharedServer();
const fixture = readFixture('platform/policy-curfew.campaign.yaml');

test('the core reports each window outside the curfew and the short ring, as information', () => {
  assert.deepEqual(summarise(core.validateText(fixture)), [
    [
      '12:9-12:16',
      'information',
      'calling-hours-curfew',
      'This window starts at 7:00 AM (America/Chicago time), outside the 8:00 AM-9:00 PM calling hours US telemarketing rules allow (47 CFR 64.1200(c)(1)).',
    ],
    [
      '15:9-15:55',
      'information',
      'calling-hours-curfew',
      'This window ends at 10:30 PM (America/Chicago time), outside the 8:00 AM-9:00 PM calling hours US telemarketing rules allow (47 CFR 64.1200(c)(1)).',
    ],
    [
      '16:9-16:54',
      'information',
      'calling-hours-curfew',
      'This window starts at 6:00 AM and ends at 9:30 PM (America/Chicago time), outside the 8:00 AM-9:00 PM calling hours US telemarketing rules allow (47 CFR 64.1200(c)(1)).',
    ],
    [
      '18:9-18:54',
      'information',
      'calling-hours-curfew',
      'This window starts at 5:00 AM (America/Chicago time), outside the 8:00 AM-9:00 PM calling hours US telemarketing rules allow (47 CFR 64.1200(c)(1)).',
    ],
    [
      '22:16-22:18',
      'information',
      'short-ring-time',
      "maxRingTime 10 s hangs up before 15 s of ringing, the FTC Telemarketing Sales Rule's safe harbour (15 seconds or 4 rings).",
    ],
  ]);
  // The edges are inside: 8:00 AM-9:00 PM and a 15-second ring are fine.
  const edges = edit(edit(fixture, 'start: "7:00 AM"', 'start: "8:00 AM"'), 'maxRingTime: 10', 'maxRingTime: 15');
  assert.ok(!core.validateText(edges).some((d) => d.range.start.line === 11 || d.code === 'short-ring-time'));
  // A bad or reversed window has its own error; no curfew note on top of it.
  const reversed = edit(fixture, '{ day: TU, start: "9:00 AM", end: "10:30 PM" }', '{ day: TU, start: "10:30 PM", end: "6:00 AM" }');
  assert.deepEqual(
    core
      .validateText(reversed)
      .filter((d) => d.range.start.line === 14)
      .map((d) => d.code),
    ['time-order'],
  );
});

test('the quick fix clamps the window to the curfew, keeping quotes and comments; none for a window wholly outside', async () => {
  const uri = docUri('curfew');
  const diagnostics = (await client.open(uri, fixture)).filter((d) => d.code === 'calling-hours-curfew');
  const titles = [];
  let text = fixture;
  for (const diagnostic of diagnostics) {
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
    const clamp = actions.find((a) => a.title.startsWith('Clamp to'));
    titles.push(clamp?.title);
    if (clamp) text = applyEdits(text, clamp.edit.changes[uri]);
  }
  assert.deepEqual(titles, ['Clamp to 8:00 AM-6:00 PM', 'Clamp to 9:00 AM-9:00 PM', 'Clamp to 8:00 AM-9:00 PM', undefined]);
  assert.match(text, /^ {8}start: "8:00 AM" {3}# an hour early$/m);
  assert.match(text, /\{ day: TU, start: "9:00 AM", end: "9:00 PM" \}/);
  assert.match(text, /\{ day: WE, start: "8:00 AM", end: "9:00 PM" \}/);
  assert.deepEqual(core.validateText(text).filter((d) => d.code === 'calling-hours-curfew').length, 1, 'only the 5-7 AM window is left');
});

test('hover on a window says whether it is inside the curfew, in the campaign zone', async () => {
  const uri = docUri('curfew-hover');
  await client.open(uri, fixture);
  const outside = await client.request('textDocument/hover', { textDocument: { uri }, position: at(fixture, 'day: TU') });
  assert.match(
    outside.contents.value,
    /Outside the 8:00 AM-9:00 PM calling hours \(US telemarketing rules\): it ends after 9:00 PM in America\/Chicago\./,
  );
  const inside = await client.request('textDocument/hover', { textDocument: { uri }, position: at(fixture, 'day: TH') });
  assert.match(inside.contents.value, /Inside the 8:00 AM-9:00 PM calling hours \(US telemarketing rules\) in America\/Chicago\./);
});

test('the policy group is configurable like every group: off, or another severity', async () => {
  const uri = docUri('policy-settings');
  await client.open(uri, fixture);
  const off = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'short-ring-time'));
  client.setSettings({ validate: { policy: 'off' } });
  assert.deepEqual((await off).diagnostics, []);
  const warn = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 4 && p.diagnostics.every((d) => d.severity === 2));
  client.setSettings({ validate: { policy: 'warning', rules: { 'short-ring-time': 'off' } } });
  const warned = (await warn).diagnostics;
  assert.deepEqual([...new Set(warned.map((d) => `${d.code}:${d.severity}`))], ['calling-hours-curfew:2']);
  client.setSettings({});
});

test('"Fix all" leaves calling hours alone: the clamp is offered, never applied unasked', async () => {
  const uri = docUri('curfew-fix-all');
  await client.open(uri, fixture);
  const all = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
  });
  assert.deepEqual(all, [], 'nothing in this file is fixed without asking');
});
