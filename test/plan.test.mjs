// The plan: a campaign file against the campaign on the platform, field by field, after
// normalising both. Key order and quoting do not count; "5" against 5 does; platform-owned
// fields are ignored; a field the platform did not return is "unknown remotely", never a change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core } from './helpers/fixtures.mjs';

const FILE = `campaignId: cd-1
name: 'Renewals'     # quoting differs from the platform's JSON
priority: "5"
dialingMode: Preview
dialingStrategy:
  maxRingTime: 30
  callingHours: { timezone: Asia/Kolkata, frequency: WEEKLY, days: [{ day: MO, start: "9:00 AM", end: "6:00 PM" }] }
contactLists: [A]
queue_name: Default Queue
`;

const remote = (changes = {}) => ({
  _id: 'cd-1',
  status: 'Paused',
  updatedAt: '2026-11-02T08:00:00.000Z',
  lname: 'renewals',
  contactLists: ['A'],
  dialingMode: 'Preview',
  priority: '5',
  name: 'Renewals',
  dialingStrategy: {
    callingHours: { frequency: 'WEEKLY', days: [{ end: '6:00 PM', start: '9:00 AM', day: 'MO' }], timezone: 'Asia/Kolkata' },
    maxRingTime: 30,
  },
  schedule: { isRecurrenceEnabled: false },
  queue_name: 'Default Queue',
  ...changes,
});

const fileValue = (text = FILE) => core.parseCampaign(text).value;

test('the same campaign in another key order and quoting matches; platform-owned fields are ignored', () => {
  const plan = core.planCampaign(fileValue(), remote());
  assert.deepEqual(plan.changes, []);
  assert.equal(plan.matches, true);
  assert.equal(plan.campaignId, 'cd-1');
  assert.equal(plan.remoteStatus, 'Paused');
  assert.equal(plan.remoteUpdatedAt, '2026-11-02T08:00:00.000Z');
  assert.deepEqual(plan.unknownRemotely, []);
});

test('"5" against 5 is a real difference, shown with both values', () => {
  const plan = core.planCampaign(fileValue(), remote({ priority: 5 }));
  assert.deepEqual(plan.changes, [{ path: 'priority', kind: 'changed', platform: 5, file: '5' }]);
  assert.equal(core.planValueText(plan.changes[0].platform), '5');
  assert.equal(core.planValueText(plan.changes[0].file), '"5"');
  assert.equal(plan.matches, false);
});

test('nested changes, list items added and removed, a field only the platform has', () => {
  const r = remote({ contactLists: ['A', 'B'], enableMachineDetect: true });
  r.dialingStrategy.callingHours.days = [];
  r.dialingStrategy.maxRingTime = 45;
  const plan = core.planCampaign(fileValue(), r);
  assert.deepEqual(plan.changes, [
    { path: 'dialingStrategy.maxRingTime', kind: 'changed', platform: 45, file: 30 },
    { path: 'dialingStrategy.callingHours.days[0]', kind: 'added', file: { day: 'MO', start: '9:00 AM', end: '6:00 PM' } },
    { path: 'contactLists[1]', kind: 'only-on-platform', platform: 'B' },
    { path: 'enableMachineDetect', kind: 'only-on-platform', platform: true },
  ]);
});

test('a field the platform did not return is unknown remotely, never a change', () => {
  const { queue_name, ...partial } = remote();
  const plan = core.planCampaign(fileValue(), partial);
  assert.deepEqual(plan.changes, []);
  assert.equal(plan.matches, true);
  assert.deepEqual(plan.unknownRemotely, [{ path: 'queue_name', file: 'Default Queue' }]);
});

test('platform-owned fields written in the file are listed as ignored; fields a write does not take are not compared', () => {
  const plan = core.planCampaign(
    fileValue(`${FILE}status: Active\nlname: renewals\n`),
    remote({ connection: 'Default Queue', campaignExecutionType: 'x' }),
  );
  assert.deepEqual(plan.ignored, ['status', 'lname']);
  assert.deepEqual(plan.changes, []);
});
