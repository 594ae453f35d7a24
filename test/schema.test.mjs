// schemas/campaign.schema.json is the single source of truth: every field of the spec, with
// types, limits, enums and the API's documentation, consumable by other tools as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './helpers/lsp-client.mjs';
import { core, readFixture } from './helpers/fixtures.mjs';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'campaign.schema.json'), 'utf8'));

function at(dotted) {
  let node = schema;
  for (const part of dotted.split('.')) node = part === '[]' ? node.items : node.properties?.[part];
  return node;
}

test('is a draft-07 schema another tool compiles as it is (plain ajv, no vocabulary of ours)', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  const sample = JSON.parse(readFixture('api-sample-request.campaign.yaml').replace(/^#.*\n/, ''));
  assert.equal(validate(sample), true, JSON.stringify(validate.errors));
  assert.equal(validate({ ...sample, priority: 5 }), false);
});

const FIELDS = {
  name: { type: 'string', minLength: 1, maxLength: 48 },
  description: { type: 'string', maxLength: 256 },
  contactLists: { type: 'array', minItems: 1 },
  priority: { type: 'string', enum: ['1', '2', '3', '4', '5'] },
  dialingMode: { type: 'string', enum: ['Agentless', 'Progressive', 'Preview'] },
  'dialingStrategy.callerId.phoneNumber': { type: 'string' },
  'dialingStrategy.callingHours.frequency': { type: 'string', enum: ['WEEKLY', 'DAILY', 'CUSTOM'] },
  'dialingStrategy.callingHours.timezone': { type: 'string' },
  'dialingStrategy.callingHours.days': { type: 'array', minItems: 1 },
  'dialingStrategy.callingHours.days.[].day': { type: 'string', enum: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
  'dialingStrategy.callingHours.days.[].start': { type: 'string' },
  'dialingStrategy.callingHours.days.[].end': { type: 'string' },
  'dialingStrategy.dialingOrder': { type: 'string', enum: ['FIFO', 'LIFO'] },
  'dialingStrategy.maxAttemptsPerRecord': { type: 'integer', minimum: 1, maximum: 100 },
  'dialingStrategy.defaultRetryPeriod': { type: 'integer', minimum: 1, maximum: 1440 },
  'dialingStrategy.maxRingTime': { type: 'integer', minimum: 5, maximum: 120 },
  queue_name: { type: 'string', minLength: 1 },
  enableMachineDetect: { type: 'boolean' },
  maxSkips: { type: 'integer', minimum: 0 },
  campaignType: { type: 'string', enum: ['voice', 'sms'] },
  'schedule.isSchedulingEnabled': { type: 'boolean' },
  experienceFlowName: { type: 'string' },
  campaignId: { type: 'string' },
};

for (const [field, expected] of Object.entries(FIELDS)) {
  test(`carries ${field}: ${JSON.stringify(expected)} with documentation`, () => {
    const node = at(field);
    assert.ok(node, `${field} is missing from the schema`);
    for (const [keyword, value] of Object.entries(expected)) assert.deepEqual(node[keyword], value, `${field}.${keyword}`);
    assert.ok(node.description && node.markdownDescription, `${field} has no documentation`);
  });
}

test('required lists at every level', () => {
  assert.deepEqual(schema.required, [
    'name',
    'description',
    'contactLists',
    'priority',
    'dialingMode',
    'dialingStrategy',
    'queue_name',
    'enableMachineDetect',
    'maxSkips',
    'campaignType',
  ]);
  assert.deepEqual(at('dialingStrategy').required, [
    'callerId',
    'callingHours',
    'dialingOrder',
    'maxAttemptsPerRecord',
    'defaultRetryPeriod',
    'maxRingTime',
  ]);
  assert.deepEqual(at('dialingStrategy.callerId').required, ['phoneNumber']);
  assert.deepEqual(at('dialingStrategy.callingHours').required, ['frequency', 'timezone', 'days']);
  assert.deepEqual(at('dialingStrategy.callingHours.days.[]').required, ['day', 'start', 'end']);
});

test('hover text comes from the API page: descriptions quote it', () => {
  const api = readFileSync(path.join(ROOT, 'test', 'fixtures', 'api-sample-request.campaign.yaml'), 'utf8');
  assert.ok(api.length > 0);
  assert.match(at('name').description, /Used to identify it in Kore\.ai\. The name must be a maximum of 48 characters/);
  assert.match(at('dialingStrategy.maxRingTime').description, /Max time \(in seconds\) the phone should ring before disconnecting/);
});

test('the patterns other tools see agree with the rule modules that report them', () => {
  const time = new RegExp(at('dialingStrategy.callingHours.days.[].start').pattern);
  for (const sample of ['9:00 AM', '12:59 PM', '1:00 AM', '09:00 AM', '13:00 PM', '9:00am', '9:00  AM', '18:00', '9 AM']) {
    const schemaSays = time.test(sample);
    assert.equal(core.parseApiTime(sample) !== undefined, schemaSays, sample);
  }
  const phone = new RegExp(at('dialingStrategy.callerId.phoneNumber').pattern);
  const text = readFixture('valid.campaign.yaml');
  for (const sample of [
    '+18123456789',
    '+4420123456',
    '+123456',
    '+1234567',
    '+1234567890123456',
    '18123456789',
    '+0123456789',
    '+1 812 345 6789',
  ]) {
    const coreSays = core.validateText(text.replace('"+18123456789"', JSON.stringify(sample))).every((d) => d.code !== 'caller-id-e164');
    assert.equal(coreSays, phone.test(sample), sample);
  }
});
