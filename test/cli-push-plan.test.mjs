// `kore-campaign push` plans first, over real HTTP against the sandbox: no changes sends
// nothing (exit 0), changes are printed before the PUT, an Active campaign is refused (exit 9)
// unless --force, and --format json reports the plan and the result.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertNoSecrets, envFor, root, runCli } from './helpers/cli.mjs';
import { tempDir } from './helpers/fixtures.mjs';
import { sandboxLib, withSandbox } from './helpers/push.mjs';

const example = path.join(root, 'examples/billing-reminder.campaign.yaml');

test('push: a second push of the same file finds no changes and sends nothing', async (t) => {
  const sandbox = await withSandbox(t);
  const first = await runCli(['push', example], envFor(sandbox));
  assert.equal(first.code, 0, first.stderr);
  sandbox.requests.length = 0;
  const second = await runCli(['push', example], envFor(sandbox));
  assert.equal(second.code, 0, second.stderr);
  assert.match(
    second.stdout,
    /^examples\/billing-reminder\.campaign\.yaml: matches 'Billing Reminder Voice Campaign' .*\nNo changes to push; nothing was sent\.\n$/,
  );
  assert.deepEqual(
    sandbox.requests.map((r) => r.method),
    ['GET'],
  );
});

test('push: the changes are printed (platform value -> file value) before the PUT', async (t) => {
  const sandbox = await withSandbox(t);
  const file = path.join(tempDir('kore-push-plan-'), 'billing.campaign.yaml');
  writeFileSync(file, readFileSync(example, 'utf8').replace('maxSkips: 1', 'maxSkips: 4'));
  await runCli(['push', example], envFor(sandbox));
  const r = await runCli(['push', file, '--format', 'json'], envFor(sandbox));
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.result, 'pushed');
  assert.deepEqual(report.plan.changes, [{ path: 'maxSkips', kind: 'changed', platform: 1, file: 4 }]);
  assert.match(report.message, /^Pushed 'Billing Reminder Voice Campaign'/);
  assert.equal(sandbox.campaigns.get('cd-ed19e3c7-3682-5e72-a839-af9e07110001').data.maxSkips, 4);
});

test('push refuses an Active campaign (exit 9, nothing sent); --force sends it and the platform decides', async (t) => {
  const sandbox = await withSandbox(t);
  const dir = tempDir('kore-push-active-');
  const pulled = await runCli(['pull', sandboxLib.SANDBOX_ACTIVE_CAMPAIGN_ID, '--out', dir], envFor(sandbox));
  assert.equal(pulled.code, 0, pulled.stderr);
  const file = path.join(dir, 'spring-sale-live-calls.campaign.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('priority: "1"', 'priority: "2"'));
  sandbox.requests.length = 0;
  const refused = await runCli(['push', file], envFor(sandbox));
  assert.equal(refused.code, 9);
  assert.match(refused.stdout, /1 change to 'Spring Sale Live Calls' .* status Active.*\n {2}~ priority: platform "1" -> file "2"\n/);
  assert.match(
    refused.stderr,
    /'Spring Sale Live Calls' \(cd-5a4d0000-0000-4000-8000-0000000000a1\) is Active on http:\/\/127\.0\.0\.1:\d+, and an Active campaign cannot be edited; nothing was sent\. Pause or stop it on the platform first, or pass --force/,
  );
  assert.deepEqual(
    sandbox.requests.map((r) => r.method),
    ['GET'],
  );

  const json = await runCli(['push', file, '--format', 'json'], envFor(sandbox));
  assert.equal(json.code, 9);
  assert.equal(JSON.parse(json.stdout).result, 'refused-active');

  sandbox.requests.length = 0;
  const forced = await runCli(['push', file, '--force'], envFor(sandbox));
  assert.deepEqual(
    sandbox.requests.map((r) => r.method),
    ['GET', 'PUT'],
    '--force sends the PUT',
  );
  // The sandbox enforces the documentation: an Active campaign cannot be edited.
  assert.equal(forced.code, 3);
  assert.match(
    forced.stderr,
    /refused the campaign \(HTTP 400\): Campaign cd-5a4d0000-0000-4000-8000-0000000000a1 is Active: an Active campaign cannot be edited/,
  );
  sandbox.campaigns.get(sandboxLib.SANDBOX_ACTIVE_CAMPAIGN_ID).data.status = 'Paused';
  const paused = await runCli(['push', file], envFor(sandbox));
  assert.equal(paused.code, 0, paused.stderr);
  assertNoSecrets(assert, sandbox, refused.stdout, refused.stderr, forced.stderr, paused.stdout);
});

test("push: a failed read stops the push with the read's exit code; --dry-run plans nothing and sends nothing", async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.nonJsonNext(1);
  const html = await runCli(['push', example], envFor(sandbox));
  assert.equal(html.code, 7);
  assert.match(
    html.stderr,
    /could not read the campaign to plan the push, so nothing was sent\. http:\/\/127\.0\.0\.1:\d+ answered HTTP 200 but not JSON/,
  );
  assert.deepEqual(
    sandbox.requests.map((r) => r.method),
    ['GET'],
  );
  sandbox.requests.length = 0;
  const dir = tempDir('kore-push-dry-');
  copyFileSync(example, path.join(dir, 'b.campaign.yaml'));
  const dry = await runCli(['push', path.join(dir, 'b.campaign.yaml'), '--dry-run'], envFor(sandbox));
  assert.equal(dry.code, 0);
  assert.equal(sandbox.requests.length, 0);
});
