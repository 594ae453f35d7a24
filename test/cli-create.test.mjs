// `kore-campaign create` over real HTTP against the sandbox: POST, the new id written into the
// file (comments and order kept), creation reported as in progress, then plan and push on it.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertNoSecrets, envFor, root, runCli } from './helpers/cli.mjs';
import { tempDir } from './helpers/fixtures.mjs';
import { withSandbox } from './helpers/push.mjs';

const example = readFileSync(path.join(root, 'examples/billing-reminder.campaign.yaml'), 'utf8');
const withoutId = example.replace(/^campaignId:.*\n/m, '').replace('Billing Reminder Voice Campaign', 'Autumn Renewals');

function newFile(text = withoutId) {
  const file = path.join(tempDir('kore-create-'), 'autumn.campaign.yaml');
  writeFileSync(file, text);
  return file;
}

test('create, then plan: the id is written into the file, creation is in progress, the plan matches', async (t) => {
  const sandbox = await withSandbox(t, { preparingMs: 3000 });
  const file = newFile();
  const r = await runCli(['create', file], envFor(sandbox));
  assert.equal(r.code, 0, r.stderr);
  const id = /as (cd-[0-9a-f-]+):/.exec(r.stdout)?.[1];
  assert.ok(id, r.stdout);
  assert.match(
    r.stdout,
    /^Creating 'Autumn Renewals' on http:\/\/127\.0\.0\.1:\d+ as cd-[0-9a-f-]+: creation is in progress \(the campaign is Preparing until the platform finishes\)\.\nWrote campaignId cd-[0-9a-f-]+ into .*autumn\.campaign\.yaml\.\n$/,
  );
  const [post] = sandbox.requests;
  assert.equal(post.method, 'POST');
  assert.match(post.url, /\/campaign\?campaignType=voice$/);
  assert.equal(JSON.parse(post.body).campaignId, undefined);
  assert.equal(sandbox.campaigns.get(id).data.status, 'Preparing');

  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  assert.deepEqual(
    lines.filter((line) => !withoutId.split('\n').includes(line)),
    [`campaignId: ${id}`],
    'one line added, nothing else changed',
  );
  assert.match(text, /^# Billing reminder: the Update Voice Campaign API's own sample/);

  const planned = await runCli(['plan', file], envFor(sandbox));
  assert.equal(planned.code, 0, planned.stdout + planned.stderr);
  assert.match(planned.stdout, new RegExp(`matches 'Autumn Renewals' \\(${id}\\) on .*, status (Preparing|Ready)`));
  while (sandbox.campaigns.get(id).data.status === 'Preparing') await new Promise((resolve) => setTimeout(resolve, 100));
  const later = await runCli(['plan', file, '--format', 'json'], envFor(sandbox));
  assert.equal(JSON.parse(later.stdout).files[0].remoteStatus, 'Ready');
  assertNoSecrets(assert, sandbox, r.stdout, r.stderr, planned.stdout, later.stdout);
});

test('create --format json; a file that already has a campaignId is refused (2); a file with errors exits 1', async (t) => {
  const sandbox = await withSandbox(t);
  const json = await runCli(['create', newFile(), '--format', 'json'], envFor(sandbox));
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout);
  assert.equal(report.result, 'created');
  assert.equal(report.status, 'Preparing');
  assert.equal(report.written, true);
  assert.match(report.campaignId, /^cd-/);

  const existing = await runCli(['create', newFile(example)], envFor(sandbox));
  assert.equal(existing.code, 2);
  assert.match(existing.stderr, /already names campaign cd-ed19e3c7-3682-5e72-a839-af9e07110001; kore-campaign push updates it\./);
  const broken = await runCli(['create', newFile(withoutId.replace('priority: "5"', 'priority: 5'))], envFor(sandbox));
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /error priority must be a string "1".."5"; found the number 5\. \[type\]/);
  for (const args of [[], ['a.campaign.yaml', 'b.campaign.yaml'], ['--bogus']])
    assert.equal((await runCli(['create', ...args], envFor(sandbox))).code, 2);
  assert.equal(sandbox.requests.length, 1, 'only the first create was sent');
});

test('create: a 400 puts each platform message on its field (3); a 503 is not retried (7); 401 (4); the file keeps no id', async (t) => {
  const sandbox = await withSandbox(t);
  const file = newFile();
  sandbox.faults.failNext(1, 400, undefined, [{ msg: 'Contact list "Recent Buyers - Q2 2025" does not exist', field: 'contactLists[0]' }]);
  const refused = await runCli(['create', file], envFor(sandbox));
  assert.equal(refused.code, 3);
  assert.match(
    refused.stderr,
    /refused the campaign \(HTTP 400\): Contact list "Recent Buyers - Q2 2025" does not exist \(contactLists\[0\]\)/,
  );
  assert.match(refused.stderr, /autumn\.campaign\.yaml:\d+:5 error Contact list .* \[platform\]/);
  sandbox.faults.failNext(1, 503);
  const unavailable = await runCli(['create', file], envFor(sandbox));
  assert.equal(unavailable.code, 7, 'a 5xx after a POST is not retried: the campaign may exist');
  assert.equal(sandbox.requests.length, 2);
  const creds = await runCli(['create', file], envFor(sandbox, { KORE_CLIENT_SECRET: 'wrong-secret-0123456789abcdef' }));
  assert.equal(creds.code, 4);
  assert.equal(readFileSync(file, 'utf8'), withoutId, 'no id written after a failure');
  assertNoSecrets(assert, sandbox, refused.stderr, unavailable.stderr, creds.stderr);
});

test('create: an answer without a usable campaign id writes nothing into the file and says so (exit 7)', async (t) => {
  const sandbox = await withSandbox(t);
  const file = newFile();
  sandbox.faults.answerNext(1, { status: 'success', message: 'Campaign Autumn Renewals creation in progress', data: {} });
  const r = await runCli(['create', file], envFor(sandbox));
  assert.equal(r.code, 7, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(
    r.stderr,
    /^kore-campaign create: http:\/\/127\.0\.0\.1:\d+ answered the create HTTP 200 without a campaign id it can use \(`id`, `data\.campId` or `data\.id`\): nothing was written\. The campaign may or may not have been created: check the platform before creating it again\./,
  );
  assert.equal(readFileSync(file, 'utf8'), withoutId, 'the file is as it was');
});
