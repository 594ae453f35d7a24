// The push pre-flight every push path calls (core preparePush): one parse, the editor's checks
// under the editor's settings, then the campaign id and the body to send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers/lsp-client.mjs';
import { core } from './helpers/fixtures.mjs';

const example = readFileSync(path.join(ROOT, 'examples', 'billing-reminder.campaign.yaml'), 'utf8');
const EXAMPLE_ID = 'cd-ed19e3c7-3682-5e72-a839-af9e07110001';
const twentyFourHour = example.replace('end: "6:00 PM" }', 'end: "18:00" }');

test('a clean file: the campaign, its id and the body without campaignId, from one parse', () => {
  const prepared = core.preparePush(example);
  assert.equal(prepared.ok, true);
  assert.equal(prepared.campaignId, EXAMPLE_ID);
  assert.equal(prepared.body.campaignId, undefined);
  assert.deepEqual(prepared.body, core.bodyFromCampaign(prepared.campaign));
  assert.equal(prepared.parsed.text, example, 'the parse a 400 is mapped onto is the text that was sent');
  assert.deepEqual(prepared.diagnostics, []);
});

test("errors block with the editor's diagnostics; a rule switched off or re-graded in settings does not", () => {
  const blocked = core.preparePush(twentyFourHour);
  assert.equal(blocked.ok, false);
  assert.deepEqual(
    blocked.errors.map((d) => d.code),
    ['time-format'],
  );
  const off = core.preparePush(twentyFourHour, core.validationOptions({ validate: { callingHours: 'off' } }));
  assert.equal(off.ok, true);
  assert.match(JSON.stringify(off.body), /18:00/);
  const warning = core.preparePush(twentyFourHour, core.validationOptions({ validate: { rules: { 'time-format': 'warning' } } }));
  assert.equal(warning.ok, true);
  assert.deepEqual(
    warning.diagnostics.map((d) => [d.code, d.severity]),
    [['time-format', 'warning']],
    'the warning is still there to confirm',
  );
});

test('a file without a campaignId names none, and the callers ask or refuse; an empty one is an error unless settings allow it', () => {
  const absent = core.preparePush(example.replace(/^campaignId:.*\n/m, ''));
  assert.equal(absent.ok, true);
  assert.equal(absent.campaignId, undefined);
  const empty = example.replace(/^campaignId:.*\n/m, 'campaignId:\n');
  assert.deepEqual(
    core.preparePush(empty).errors.map((d) => d.code),
    ['type'],
  );
  const allowed = core.preparePush(empty, core.validationOptions({ validate: { fields: 'off' } }));
  assert.equal(allowed.ok, true);
  assert.equal(allowed.campaignId, undefined);
});

test('YAML that cannot be read is never pushed, whatever the settings turn off', () => {
  const off = core.validationOptions({ validate: { enable: false } });
  const broken = core.preparePush(example.replace('name: ', 'name: "unterminated '), off);
  assert.equal(broken.ok, false);
  assert.ok(
    broken.errors.length > 0 && broken.errors.every((d) => d.code.startsWith('yaml')),
    JSON.stringify(broken.errors.map((d) => d.code)),
  );
  assert.deepEqual(
    core.preparePush('', off).errors.map((d) => d.code),
    ['empty-file'],
  );
  assert.deepEqual(
    core.preparePush('- a list\n', off).errors.map((d) => d.code),
    ['not-a-mapping'],
  );
  const duplicate = core.preparePush(
    `${example}name: again\n`,
    core.validationOptions({ validate: { rules: { 'duplicate-key': 'off' } } }),
  );
  assert.deepEqual(
    duplicate.errors.map((d) => d.code),
    ['duplicate-key'],
  );
  const regraded = core.preparePush(
    `${example}name: again\n`,
    core.validationOptions({ validate: { rules: { 'duplicate-key': 'warning' } } }),
  );
  assert.deepEqual(
    regraded.diagnostics.map((d) => [d.code, d.severity]),
    [['duplicate-key', 'error']],
    'shown once, as the error that blocks',
  );
});
