// Contact-list names checked against the platform's lists: in the core (only when the lists
// are given), and over LSP against the built server, where the extension's
// koreCampaign/platformData notification turns the checks on (known lists) or off (unknown),
// completion offers the platform's names, hover tells a list's facts, the quick fix renames.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedServer } from './helpers/lsp-client.mjs';
import { accept, after, applyEdits, at, docUri, edit } from './helpers/authoring.mjs';
import { core, readFixture, summarise } from './helpers/fixtures.mjs';
import { sandboxLib } from './helpers/push.mjs';

const client = sharedServer();
const NOTIFICATION = 'koreCampaign/platformData';
const LISTS = sandboxLib.SANDBOX_CONTACT_LISTS.map(({ name, totalRecordCount, status, campaignInUse }) => ({
  name,
  totalRecordCount,
  status,
  campaignInUse,
}));
const fixture = readFixture('platform/contact-lists.campaign.yaml');
const listCodes = (diagnostics) => diagnostics.filter((d) => /contact-list$/.test(d.code) && d.code !== 'duplicate-contact-list');

/** Tell the server the lists are known (or not) and wait until `uri` is checked again. */
async function platformSays(uri, params, accept = () => true) {
  const next = client.nextDiagnostics(uri, (p) => accept(p.diagnostics));
  client.notify(NOTIFICATION, params);
  return (await next).diagnostics;
}
const known = { state: 'known', connection: 'Local sandbox', contactLists: LISTS, fetchedAt: Date.now() };

test('the core checks names only when it is given the lists; the did-you-mean is the closest name', () => {
  const known = new core.KnownContactLists(LISTS, 'Staging');
  const without = core.validateText(fixture);
  assert.deepEqual(listCodes(without), []);
  assert.deepEqual(summarise(listCodes(core.validateText(fixture, { contactLists: known }))), [
    [
      '7:5-7:20',
      'warning',
      'unknown-contact-list',
      'Staging has no contact list named "Overdue Acounts". Did you mean "Overdue Accounts"? A campaign\'s lists must exist before it is pushed.',
    ],
    [
      '8:5-8:18',
      'warning',
      'empty-contact-list',
      'The contact list "Win-back 2024" exists on Staging but has no contacts: this campaign would dial nobody from it.',
    ],
    [
      '9:5-9:26',
      'warning',
      'unknown-contact-list',
      'Staging has no contact list named "Holiday Shoppers 2019" (none of its 6 lists has a name close to it). A campaign\'s lists must exist before it is pushed.',
    ],
  ]);
  // The length-bucketed search answers as the general did-you-mean does.
  for (const typed of ['overdue accounts', 'Renewals March', 'VIP callers', 'Win back 2024', 'Webinar', 'recent buyers q2 2025', 'x']) {
    assert.equal(
      known.closest(typed),
      core.closestMatch(
        typed,
        LISTS.map((l) => l.name),
      ),
      typed,
    );
  }
  // An empty list of lists is known too: every name is unknown then.
  assert.equal(listCodes(core.validateText(fixture, { contactLists: new core.KnownContactLists([], 'Staging') })).length, 4);
});

test('no contact-list diagnostic until the lists are known; then unknown and empty lists, at the name', async () => {
  const uri = docUri('lists');
  client.notify(NOTIFICATION, { state: 'unknown', reason: 'signed-out' });
  assert.deepEqual(listCodes(await client.open(uri, fixture)), [], 'signed out: nothing guessed');
  const diagnostics = listCodes(await platformSays(uri, known, (list) => listCodes(list).length > 0));
  assert.deepEqual(
    diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.code]),
    [
      [6, 4, 19, 2, 'unknown-contact-list'],
      [7, 4, 17, 2, 'empty-contact-list'],
      [8, 4, 25, 2, 'unknown-contact-list'],
    ],
  );
  assert.equal(
    diagnostics[0].message,
    'Local sandbox has no contact list named "Overdue Acounts". Did you mean "Overdue Accounts"? A campaign\'s lists must exist before it is pushed.',
  );
  assert.match(diagnostics[1].message, /"Win-back 2024" exists on Local sandbox but has no contacts/);
  assert.match(diagnostics[2].message, /no contact list named "Holiday Shoppers 2019" \(none of its 6 lists has a name close to it\)/);

  // Offline, restricted or a failed fetch: the checks go away again rather than flag every name.
  for (const reason of ['offline', 'restricted', 'fetch-failed']) {
    const off = await platformSays(uri, { state: 'unknown', reason }, (list) => listCodes(list).length === 0);
    assert.deepEqual(listCodes(off), [], reason);
    await platformSays(uri, known, (list) => listCodes(list).length === 3);
  }
});

test('the did-you-mean quick fix replaces the name and keeps the comment', async () => {
  const uri = docUri('fix');
  // Notifications are handled in order: the document opened next is checked with these lists.
  client.notify(NOTIFICATION, known);
  const [diagnostic] = listCodes(await client.open(uri, fixture));
  const actions = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], triggerKind: 1 },
  });
  const fix = actions.find((a) => a.title === 'Change to "Overdue Accounts"');
  assert.ok(fix?.isPreferred, JSON.stringify(actions.map((a) => a.title)));
  const fixed = applyEdits(fixture, fix.edit.changes[uri]);
  assert.match(fixed, /^ {2}- Overdue Accounts # misspelt$/m);
});

test('completion offers the platform names with counts, quoted when YAML needs it, minus those listed', async () => {
  const uri = docUri('complete');
  const text = edit(fixture, '  - Holiday Shoppers 2019 # not on the platform\n', '  - \n');
  // Notifications are handled in order: the document opened next is checked with these lists.
  client.notify(NOTIFICATION, known);
  await client.open(uri, text);
  const position = after(text, '  - Win-back 2024 # exists, no contacts\n  - ');
  const { items } = await client.request('textDocument/completion', {
    textDocument: { uri },
    position,
    context: { triggerKind: 2, triggerCharacter: ' ' },
  });
  assert.deepEqual(items.map((i) => i.label).sort(), ['#VIP callers', 'Overdue Accounts', 'Renewals: March', 'Webinar Leads']);
  const byLabel = Object.fromEntries(items.map((i) => [i.label, i]));
  assert.equal(byLabel['Overdue Accounts'].detail, '342 contacts · Ready');
  assert.equal(byLabel['Webinar Leads'].detail, '530 contacts · Preparing');
  assert.equal(byLabel['Renewals: March'].textEdit.newText, '"Renewals: March"');
  assert.equal(byLabel['#VIP callers'].textEdit.newText, '"#VIP callers"');
  assert.match(accept(text, byLabel['Renewals: March']), /^ {2}- "Renewals: March"$/m);

  // In a flow list and inside a quote the author opened.
  const flow = 'contactLists: [Overdue Accounts, ]\n';
  const flowUri = docUri('flow');
  await client.open(flowUri, flow);
  const flowItems = (await client.request('textDocument/completion', { textDocument: { uri: flowUri }, position: after(flow, ', ') }))
    .items;
  assert.ok(!flowItems.some((i) => i.label === 'Overdue Accounts'));
  assert.equal(
    accept(
      flow,
      flowItems.find((i) => i.label === 'Renewals: March'),
    ),
    'contactLists: [Overdue Accounts, "Renewals: March"]\n',
  );
  const quoted = 'contactLists:\n  - "Ren\n';
  const quotedUri = docUri('quoted');
  await client.open(quotedUri, quoted);
  const quotedItems = (
    await client.request('textDocument/completion', { textDocument: { uri: quotedUri }, position: after(quoted, '"Ren') })
  ).items;
  assert.equal(
    accept(
      quoted,
      quotedItems.find((i) => i.label === 'Renewals: March'),
    ),
    'contactLists:\n  - "Renewals: March"\n',
  );

  // Unknown lists: no names offered (nothing to guess from).
  client.notify(NOTIFICATION, { state: 'unknown', reason: 'offline' });
  const none = await client.request('textDocument/completion', { textDocument: { uri }, position });
  assert.ok(!none.items.some((i) => i.label === 'Overdue Accounts'));
});

test('hover on a list name: its contact count, status and the other campaigns using it', async () => {
  const uri = docUri('hover');
  // Notifications are handled in order: the document opened next is checked with these lists.
  client.notify(NOTIFICATION, known);
  await client.open(uri, fixture);
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: at(fixture, 'Recent Buyers') });
  // The file is campaign cd-...0002: only the other campaign using the list is named.
  assert.match(
    hover.contents.value,
    /^\*\*Contact list\*\* Recent Buyers - Q2 2025 on Local sandbox: 1,250 contacts, status Ready\.\n\nAlso used by campaign: `cd-ed19e3c7-3682-5e72-a839-af9e07110001`\.\n/,
  );
  const unknown = await client.request('textDocument/hover', { textDocument: { uri }, position: at(fixture, 'Overdue Acounts') });
  assert.match(
    unknown.contents.value,
    /^\*\*Overdue Acounts\*\*: no contact list of this name on Local sandbox \(did you mean \*\*Overdue Accounts\*\*\?\)\./,
  );
});

test('a malformed notification is taken field by field, never a crash', async () => {
  const uri = docUri('malformed');
  client.notify(NOTIFICATION, {
    state: 'known',
    connection: 7,
    contactLists: [
      null,
      5,
      { name: 3 },
      { name: 'Overdue Accounts', totalRecordCount: '0', campaignInUse: 'cd-1' },
      { name: 'Win-back 2024', totalRecordCount: 0 },
    ],
  });
  const diagnostics = listCodes(await client.open(uri, fixture));
  // "Overdue Accounts" is known (its count unreadable, so not called empty); the connection name falls back.
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['unknown-contact-list', 'unknown-contact-list', 'empty-contact-list', 'unknown-contact-list'],
  );
  assert.match(diagnostics[1].message, /^Kore\.ai has no contact list named "Overdue Acounts"\. Did you mean "Overdue Accounts"\?/);
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: at(fixture, 'Win-back') });
  assert.match(hover.contents.value, /no contacts\.\n\nNo other campaign uses it\./);
  client.notify(NOTIFICATION, 'not an object');
  await platformSays(uri, { state: 'unknown', reason: 'offline' }, (list) => listCodes(list).length === 0);
  assert.equal(client.child.exitCode, null, 'the server is still running');
});
