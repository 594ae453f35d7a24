// Fields the platform owns (a GET returns them, a write does not take them): a hint, not an
// unknown key; hover explains; a quick fix removes them; push (CLI, --dry-run too) never sends them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedServer } from './helpers/lsp-client.mjs';
import { after, applyEdits, at, docUri } from './helpers/authoring.mjs';
import { core, readFixture } from './helpers/fixtures.mjs';
import { envFor, runCli } from './helpers/cli.mjs';
import { withSandbox } from './helpers/push.mjs';

const client = sharedServer();
const FILE = 'test/fixtures/platform/from-get-answer.campaign.yaml';
const fixture = readFixture('platform/from-get-answer.campaign.yaml');
const OWNED = [
  '_id',
  'lname',
  'status',
  'experienceFlow',
  'createdAt',
  'updatedAt',
  'campaignInstanceId',
  'campaignInstanceUpdatedAt',
  'campaignExecutionType',
  'format',
  'useSystemMappings',
  'isFiltersEnabled',
  'schedule.isRecurrenceEnabled',
  'id',
];

test('a file pasted from a GET answer validates with hints only, one per platform-owned field', () => {
  const diagnostics = core.validateText(fixture);
  assert.deepEqual([...new Set(diagnostics.map((d) => `${d.severity} ${d.code}`))], ['hint read-only-field']);
  assert.deepEqual(
    diagnostics.map((d) => d.path),
    OWNED,
  );
  assert.deepEqual(new Set(core.PLATFORM_OWNED_FIELDS.map((f) => f.path.join('.'))), new Set(OWNED), 'the fixture has every one');
  const status = diagnostics.find((d) => d.path === 'status');
  assert.match(status.message, /^status: set by the platform; not sent\. /);
  // Misplaced, a platform field name is still unknown (status inside dialingStrategy is no platform field).
  const misplaced = core.validateText(fixture.replace('  maxRingTime: 30\n', '  maxRingTime: 30\n  status: Ready\n'));
  assert.ok(misplaced.some((d) => d.code === 'unknown-key' && d.path === 'dialingStrategy.status'));
});

test('hover explains a platform-owned key; the quick fix removes its line, fix-all every one', async () => {
  const uri = docUri('read-only');
  const diagnostics = await client.open(uri, fixture);
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: at(fixture, 'isRecurrenceEnabled') });
  assert.match(
    hover.contents.value,
    /^\*\*schedule\.isRecurrenceEnabled\*\*: set by the platform; not sent\.\n\nWhether the schedule repeats/,
  );
  const experience = await client.request('textDocument/hover', { textDocument: { uri }, position: after(fixture, 'experienceF') });
  assert.match(experience.contents.value, /A write names the flow by name with `experienceFlowName`/);

  const status = diagnostics.find((d) => d.data.path === 'status');
  const actions = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: status.range,
    context: { diagnostics: [status], triggerKind: 1 },
  });
  const remove = actions.find((a) => a.title === 'Remove status (set by the platform; not sent)');
  assert.ok(remove?.isPreferred);
  const fixed = applyEdits(fixture, remove.edit.changes[uri]);
  assert.equal(fixed, fixture.replace('status: Ready\n', ''));

  const all = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: status.range,
    context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
  });
  const cleaned = applyEdits(fixture, all[0].edit.changes[uri]);
  assert.deepEqual(core.validateText(cleaned), [], 'nothing left to say');
  assert.match(cleaned, /^# The `data` of GET/, 'comments stay');
  assert.match(cleaned, /^schedule:\n {2}isSchedulingEnabled: false\ncontactLists:/m);
});

test('removing the only key of a mapping removes the mapping too', async () => {
  const text = 'schedule:\n  isRecurrenceEnabled: true\nname: x\n';
  const [diagnostic] = core.validateText(text).filter((d) => d.code === 'read-only-field');
  assert.deepEqual(
    diagnostic.fixes[0].edits.map((e) => e.newText),
    [''],
  );
  const uri = docUri('only-key');
  const [lsp] = (await client.open(uri, text)).filter((d) => d.code === 'read-only-field');
  const actions = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: lsp.range,
    context: { diagnostics: [lsp], triggerKind: 1 },
  });
  assert.equal(applyEdits(text, actions[0].edit.changes[uri]), 'name: x\n');
});

test('push never sends them: the body, the CLI dry run and the request the sandbox receives', async (t) => {
  const campaign = core.parseCampaign(fixture).value;
  const body = core.bodyFromCampaign(campaign);
  for (const key of OWNED.filter((k) => !k.includes('.'))) assert.ok(!(key in body), key);
  assert.deepEqual(body.schedule, { isSchedulingEnabled: false });
  assert.equal(campaign.schedule.isRecurrenceEnabled, false, "the caller's campaign is untouched");

  const sandbox = await withSandbox(t);
  const dry = await runCli(['push', FILE, '--dry-run'], envFor(sandbox));
  assert.equal(dry.code, 0, dry.stderr);
  const sentBody = JSON.parse(dry.stdout.slice(dry.stdout.indexOf('\n\n') + 2));
  assert.deepEqual(sentBody, body);
  assert.equal(sandbox.requests.filter((r) => r.method === 'PUT').length, 0, 'a dry run sends no PUT');

  const real = await runCli(['push', FILE], envFor(sandbox));
  assert.equal(real.code, 0, real.stderr);
  const received = JSON.parse(sandbox.requests.filter((r) => r.method === 'PUT').at(-1).body);
  assert.deepEqual(received, body);
});
