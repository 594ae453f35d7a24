// The file form of a campaign read from the platform, and pulling into an existing file: only
// what a write takes, in the file format's order, campaignId first; comments and key order of
// an existing file survive, and only values that differ change.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { core } from './helpers/fixtures.mjs';
import { ROOT } from './helpers/lsp-client.mjs';

const example = readFileSync(path.join(ROOT, 'examples/billing-reminder.campaign.yaml'), 'utf8');
const EXAMPLE_ID = 'cd-ed19e3c7-3682-5e72-a839-af9e07110001';

/** The example as the platform returns it: `_id`, platform-owned fields, keys in another order. */
function remoteExample(changes = {}) {
  const file = core.parseCampaign(example).value;
  const { campaignId, ...body } = file;
  return {
    updatedAt: '2026-11-01T10:00:00.000Z',
    status: 'Paused',
    ...Object.fromEntries(Object.entries(body).reverse()),
    _id: campaignId,
    lname: body.name.toLowerCase(),
    createdAt: '2026-10-01T10:00:00.000Z',
    campaignInstanceId: 'ci-1',
    useSystemMappings: true,
    schedule: { isRecurrenceEnabled: false, ...body.schedule },
    ...changes,
  };
}

test('the file form: campaignId first, the schema order, platform-owned fields dropped', () => {
  const form = core.campaignFileForm(remoteExample());
  assert.equal(form.campaignId, EXAMPLE_ID);
  assert.deepEqual(Object.keys(form.campaign), [
    'campaignId',
    'name',
    'description',
    'contactLists',
    'priority',
    'dialingMode',
    'dialingStrategy',
    'schedule',
    'queue_name',
    'enableMachineDetect',
    'maxSkips',
    'campaignType',
  ]);
  assert.deepEqual(form.campaign.schedule, { isSchedulingEnabled: false });
  assert.deepEqual(form.missing, []);
  assert.deepEqual(form.dropped, []);
  assert.deepEqual(core.fileFormNotes(form), []);
  const text = core.renderCampaignFile(form, { header: ['Pulled from Local sandbox'] });
  assert.match(
    text,
    /^# Pulled from Local sandbox\n\ncampaignId: cd-ed19e3c7-3682-5e72-a839-af9e07110001\nname: Billing Reminder Voice Campaign\n/,
  );
  assert.match(text, /\npriority: "5"\n/, 'a string stays a string');
  assert.match(
    text,
    /\n {6}- \{ day: MO, start: "9:00 AM", end: "6:00 PM" \}\n/,
    'one calling window per line, times quoted as in the examples',
  );
  assert.deepEqual(
    core.validateText(text).filter((d) => d.severity === 'error'),
    [],
  );
  assert.deepEqual(core.parseCampaign(text).value, core.parseCampaign(example).value);
});

test('the file form: `id` instead of `_id`; an experienceFlow id is left for the author, with a comment', () => {
  const { _id, ...rest } = remoteExample({ dialingMode: 'Agentless', experienceFlow: 'cf-1234-abcd' });
  const form = core.campaignFileForm({ ...rest, id: EXAMPLE_ID });
  assert.equal(form.campaign.campaignId, EXAMPLE_ID);
  assert.equal(form.experienceFlowId, 'cf-1234-abcd');
  assert.equal(form.campaign.experienceFlow, undefined);
  assert.equal(form.campaign.experienceFlowName, undefined);
  const text = core.renderCampaignFile(form);
  assert.match(
    text,
    /# experienceFlowName: the platform returned only the experience flow's id \(experienceFlow: cf-1234-abcd\),\n# and a write names the flow\. Add the flow's name here/,
  );
  assert.deepEqual(core.fileFormNotes(form), [
    "The platform returned the experience flow's id (cf-1234-abcd), not its name: set experienceFlowName yourself.",
  ]);
});

test('a partial read gives a file the author can finish, and names what is missing', () => {
  const remote = remoteExample({ queue_name: undefined, weirdNewField: 1 });
  delete remote.dialingStrategy.dialingOrder;
  delete remote.maxSkips;
  const form = core.campaignFileForm(remote);
  assert.deepEqual(form.missing, ['dialingStrategy.dialingOrder', 'queue_name', 'maxSkips']);
  assert.deepEqual(form.dropped, ['weirdNewField']);
  assert.deepEqual(core.fileFormNotes(form), [
    'The platform did not return dialingStrategy.dialingOrder, queue_name, maxSkips; fill them in before pushing.',
    'Not kept (a write does not take it): weirdNewField.',
  ]);
  const text = core.renderCampaignFile(form);
  assert.match(text, /^# Not returned by the platform, fill in before pushing: dialingStrategy\.dialingOrder, queue_name, maxSkips\n/);
  const codes = core
    .validateText(text)
    .filter((d) => d.severity === 'error')
    .map((d) => d.code);
  assert.deepEqual([...new Set(codes)], ['required'], 'the editor shows the same gaps');
});

test('pull into an existing file: comments, blank lines, quoting and order kept; only differing values change', () => {
  const remote = remoteExample({ priority: '3', maxSkips: 2 });
  remote.dialingStrategy = { ...remote.dialingStrategy, maxRingTime: 45 };
  remote.dialingStrategy.callingHours.days[1].end = '7:00 PM';
  const update = core.updateCampaignFile(example, core.campaignFileForm(remote));
  assert.equal(update.changed, true);
  const before = example.split('\n');
  const after = update.text.split('\n');
  assert.equal(after.length, before.length);
  const changed = before.map((line, i) => [line, after[i]]).filter(([a, b]) => a !== b);
  assert.deepEqual(changed, [
    ['priority: "5" # a string: "1".."5"', 'priority: "3" # a string: "1".."5"'],
    ['      - { day: TU, start: "9:00 AM", end: "6:00 PM" }', '      - { day: TU, start: "9:00 AM", end: "7:00 PM" }'],
    ['  maxRingTime: 30 # seconds', '  maxRingTime: 45 # seconds'],
    ['maxSkips: 1', 'maxSkips: 2'],
  ]);
});

test('pull into an existing file: the same campaign changes nothing; new keys go in the schema order; a partial read deletes nothing', () => {
  assert.deepEqual(core.updateCampaignFile(example, core.campaignFileForm(remoteExample())), { text: example, changed: false });

  const withoutSchedule = example.replace(/\n\nschedule:\n {2}isSchedulingEnabled: false\n/, '\n');
  const added = core.updateCampaignFile(withoutSchedule, core.campaignFileForm(remoteExample()));
  assert.match(added.text, /  maxRingTime: 30 # seconds\nschedule:\n {2}isSchedulingEnabled: false\n\nqueue_name: Default Queue/);

  const partial = remoteExample({ queue_name: undefined });
  delete partial.dialingStrategy.dialingOrder;
  assert.equal(core.updateCampaignFile(example, core.campaignFileForm(partial)).changed, false);
});

test("pull into an existing file: a list of another length is rewritten in the file's style; a broken file is not edited", () => {
  const remote = remoteExample({ contactLists: ['Recent Buyers - Q2 2025', 'Lapsed'] });
  remote.dialingStrategy.callingHours.days = remote.dialingStrategy.callingHours.days.slice(0, 2);
  const update = core.updateCampaignFile(example, core.campaignFileForm(remote));
  assert.match(update.text, /contactLists:\n {2}- Recent Buyers - Q2 2025\n {2}- Lapsed\npriority/);
  assert.match(
    update.text,
    /days:\n {6}- \{ day: MO, start: "9:00 AM", end: "6:00 PM" \}\n {6}- \{ day: TU, start: "9:00 AM", end: "6:00 PM" \}\n {2}dialingOrder: FIFO/,
  );
  assert.match(update.text, /^# Billing reminder/);
  assert.deepEqual(core.parseCampaign(update.text).value.contactLists, ['Recent Buyers - Q2 2025', 'Lapsed']);
  assert.equal(core.updateCampaignFile('name: [unclosed\n', core.campaignFileForm(remote)), undefined);
});

test('the platform-owned fields are listed once, for pull, plan and validation', () => {
  assert.deepEqual(core.PLATFORM_OWNED_FIELDS.map((f) => f.path.join('.')).sort(), [
    '_id',
    'campaignExecutionType',
    'campaignInstanceId',
    'campaignInstanceUpdatedAt',
    'createdAt',
    'experienceFlow',
    'format',
    'id',
    'isFiltersEnabled',
    'lname',
    'schedule.isRecurrenceEnabled',
    'status',
    'updatedAt',
    'useSystemMappings',
  ]);
  assert.ok(core.platformOwnedField(['schedule', 'isRecurrenceEnabled']));
  assert.equal(core.platformOwnedField(['schedule', 'isSchedulingEnabled']), undefined);
});
