// `kore-campaign validate --platform`: contact-list names checked against the platform's
// lists (real HTTP to the sandbox, real CLI processes); no request without the flag; an
// unreachable platform is one notice and an offline check whose exit code ignores it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { envFor, runCli } from './helpers/cli.mjs';
import { closedPort, withSandbox } from './helpers/push.mjs';

const FILE = 'test/fixtures/platform/contact-lists.campaign.yaml';
const LIST_CALL = /^\/agentassist\/api\/v1\/public\/[^/]+\/campaign\/contactList\/getAllListDetails\?type=call$/;
const codes = (stdout) => [...stdout.matchAll(/^\S+:(\d+):\d+ (\w+) .*\[([a-z-]+)\]$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);

test('--platform fetches the lists once and reports unknown (with did-you-mean) and empty lists', async (t) => {
  const sandbox = await withSandbox(t);
  const { code, stdout, stderr } = await runCli(
    ['validate', '--platform', FILE, 'examples/billing-reminder.campaign.yaml'],
    envFor(sandbox),
  );
  assert.equal(stderr, '');
  assert.deepEqual(codes(stdout), ['7 warning unknown-contact-list', '8 warning empty-contact-list', '9 warning unknown-contact-list']);
  assert.match(
    stdout,
    /:7:5 warning http:\/\/127\.0\.0\.1:\d+ has no contact list named "Overdue Acounts"\. Did you mean "Overdue Accounts"\?/,
  );
  assert.match(stdout, /:8:5 warning The contact list "Win-back 2024" exists on .* but has no contacts/);
  assert.match(stdout, /2 files checked: 0 errors, 3 warnings\./);
  assert.equal(code, 0, 'warnings only');
  const calls = sandbox.requests.filter((r) => LIST_CALL.test(r.url));
  assert.equal(calls.length, 1, 'one request for every file');
  assert.equal(calls[0].method, 'POST');
  assert.equal(calls[0].body, '', 'the documented call has no body');
  assert.ok(calls[0].rawHeaderNames.includes('auth') && calls[0].rawHeaderNames.includes('accountId'));
  assert.equal(sandbox.requests.length, 1, 'nothing else was sent');
});

test('without --platform no request is made and contact-list names are not checked', async (t) => {
  const sandbox = await withSandbox(t);
  const { code, stdout, stderr } = await runCli(['validate', FILE], envFor(sandbox));
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.deepEqual(codes(stdout), []);
  assert.equal(sandbox.requests.length, 0);
});

test('an unreachable platform: one notice, the offline check, and its exit code', async () => {
  const port = await closedPort();
  const env = {
    KORE_HOST: `http://127.0.0.1:${port}`,
    KORE_IID: 'st-local-sandbox-0000-4000-8000-000000000000',
    KORE_ACCOUNT_ID: '000000000000000000000001',
    KORE_CLIENT_ID: 'cs-x',
    KORE_CLIENT_SECRET: 'a-secret-that-must-not-print',
  };
  const broken = await runCli(['validate', '--platform', 'examples/typical-mistakes.campaign.yaml'], env);
  const offline = await runCli(['validate', 'examples/typical-mistakes.campaign.yaml'], env);
  assert.equal(broken.stderr.trim().split('\n').length, 1, broken.stderr);
  assert.match(
    broken.stderr,
    /^kore-campaign validate: Could not reach http:\/\/127\.0\.0\.1:\d+: connection refused \(ECONNREFUSED\)\. Contact-list names were not checked; everything else was\.\n$/,
  );
  assert.doesNotMatch(broken.stderr, /a-secret-that-must-not-print/);
  assert.equal(broken.stdout, offline.stdout, 'the same diagnostics as without the platform');
  assert.equal(broken.code, 1, 'the file has errors: exit 1, as offline');
  assert.equal(broken.code, offline.code);

  const clean = await runCli(['validate', '--platform', FILE], env);
  assert.equal(clean.code, 0, 'a clean file stays exit 0 when the platform is down');
});

test('rejected credentials and missing variables are one notice each; the check goes on', async (t) => {
  const sandbox = await withSandbox(t);
  const rejected = await runCli(['validate', '--platform', FILE], envFor(sandbox, { KORE_CLIENT_SECRET: 'wrong-secret-0123456789' }));
  assert.equal(rejected.code, 0);
  assert.match(
    rejected.stderr,
    /^kore-campaign validate: http:\/\/127\.0\.0\.1:\d+ rejected the credentials \(HTTP 401\)\. Contact-list names were not checked; everything else was\.\n$/,
  );
  assert.doesNotMatch(rejected.stderr, /wrong-secret/);
  const missing = await runCli(['validate', '--platform', FILE], {});
  assert.equal(missing.code, 0);
  assert.match(missing.stderr, /^kore-campaign validate: --platform needs the KORE_\* connection variables \(KORE_HOST is not set/);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
});
