// `kore-campaign push` and `kore-campaign sandbox` as a CI job runs them: real processes,
// environment variables, stdout/stderr and exit codes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cli, envFor, root, runCli } from './helpers/cli.mjs';
import { closedPort, withSandbox } from './helpers/push.mjs';
import { tempDir } from './helpers/fixtures.mjs';

const example = path.join(root, 'examples/billing-reminder.campaign.yaml');
const EXAMPLE_ID = 'cd-ed19e3c7-3682-5e72-a839-af9e07110001';

function tempCampaign(transform) {
  const dir = tempDir('kore-push-');
  const file = path.join(dir, 'test.campaign.yaml');
  writeFileSync(file, transform(readFileSync(example, 'utf8')));
  return file;
}

test('push: the example reaches the sandbox, exit 0, one line on stdout', async (t) => {
  const sandbox = await withSandbox(t);
  const r = await runCli(['push', 'examples/billing-reminder.campaign.yaml'], envFor(sandbox));
  assert.equal(r.code, 0, r.stderr);
  // Push plans first: the GET, the plan on stdout, then the PUT and its one line.
  assert.match(r.stdout, /^examples\/billing-reminder\.campaign\.yaml: 1 change to 'Billing Reminder Voice Campaign'/);
  assert.match(
    r.stdout,
    /\nPushed 'Billing Reminder Voice Campaign' to http:\/\/127\.0\.0\.1:\d+ \(status Ready, updated \d{4}-[\d-]+T[\d:.]+Z\)\.\n$/,
  );
  assert.deepEqual(
    sandbox.requests.map((q) => q.method),
    ['GET', 'PUT'],
  );
  assert.equal(sandbox.campaigns.get(EXAMPLE_ID).data.name, 'Billing Reminder Voice Campaign');
  assert.ok(!JSON.parse(sandbox.requests[1].body).campaignId);
});

test('push --dry-run prints the exact request with the token redacted and sends nothing', async (t) => {
  const sandbox = await withSandbox(t);
  const r = await runCli(['push', example, '--dry-run'], envFor(sandbox));
  assert.equal(r.code, 0, r.stderr);
  const [requestLine, ...rest] = r.stdout.trimEnd().split('\n');
  assert.equal(
    requestLine,
    `PUT ${sandbox.url}/agentassist/api/v1/public/${sandbox.credentials.iid}/campaign/${EXAMPLE_ID}?campaignType=voice`,
  );
  assert.deepEqual(rest.slice(0, 5), [
    'auth: <redacted>',
    `iid: ${sandbox.credentials.iid}`,
    `accountId: ${sandbox.credentials.accountId}`,
    'Content-Type: application/json',
    '',
  ]);
  const body = JSON.parse(rest[5]);
  assert.equal(body.name, 'Billing Reminder Voice Campaign');
  assert.equal(body.campaignId, undefined);
  assert.match(r.stderr, /dry run, nothing was sent/);
  assert.ok(!r.stdout.includes(sandbox.credentials.clientSecret) && !r.stderr.includes(sandbox.credentials.clientSecret));
  assert.doesNotMatch(r.stdout + r.stderr, /eyJ/);
  assert.equal(sandbox.requests.length, 0);
});

test('push --verbose logs the request to stderr without the token or secret', async (t) => {
  const sandbox = await withSandbox(t);
  const r = await runCli(['push', example, '--verbose'], envFor(sandbox));
  assert.equal(r.code, 0);
  assert.match(r.stderr, /--> PUT http:\/\/127\.0\.0\.1:\d+\/agentassist/);
  assert.match(r.stderr, /auth: <redacted>/);
  assert.ok(!r.stderr.includes(sandbox.credentials.clientSecret));
  assert.ok(!r.stderr.includes(sandbox.requests[0].headers.auth));
  assert.ok(!r.stderr.includes(sandbox.requests[1].headers.auth));
});

test('push: a file with errors exits 1 and sends nothing', async (t) => {
  const sandbox = await withSandbox(t);
  const r = await runCli(['push', 'examples/typical-mistakes.campaign.yaml'], envFor(sandbox));
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /examples\/typical-mistakes\.campaign\.yaml:\d+:\d+ error priority must be a string "1".."5"; found the number 5\. \[type\]/,
  );
  assert.match(r.stderr, /has \d+ errors; nothing was sent\./);
  assert.equal(sandbox.requests.length, 0);
});

test('push: missing configuration exits 2 and names every missing variable', async () => {
  const r = await runCli(['push', example], {});
  assert.equal(r.code, 2);
  for (const name of ['KORE_HOST', 'KORE_IID', 'KORE_ACCOUNT_ID']) assert.match(r.stderr, new RegExp(`${name} is not set`));
  assert.match(r.stderr, /No credentials: set KORE_CLIENT_ID and KORE_CLIENT_SECRET \(preferred\) or KORE_JWT\./);
});

test('push: usage errors and http to another machine exit 2', async (t) => {
  const sandbox = await withSandbox(t);
  assert.equal((await runCli(['push'])).code, 2);
  assert.equal((await runCli(['push', example, '--bogus'])).code, 2);
  assert.equal((await runCli(['push', 'no-such.campaign.yaml'], envFor(sandbox))).code, 2);
  const plain = await runCli(['push', example], envFor(sandbox, { KORE_HOST: 'http://platform.kore.ai' }));
  assert.equal(plain.code, 2);
  assert.match(plain.stderr, /KORE_HOST: http:\/\/ is only allowed to this machine/);
  assert.equal(sandbox.requests.length, 0);
});

test('push: a file without campaignId needs --campaign-id', async (t) => {
  const sandbox = await withSandbox(t);
  const file = tempCampaign((text) => text.replace(/^campaignId:.*\n/m, ''));
  const missing = await runCli(['push', file], envFor(sandbox));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /has no campaignId\. Add "campaignId: cd-\.\.\." to the file or pass --campaign-id\./);
  const given = await runCli(['push', file, '--campaign-id', 'cd-00000000-0000-4000-8000-000000000003'], envFor(sandbox));
  assert.equal(given.code, 0, given.stderr);
  assert.match(sandbox.requests.find((q) => q.method === 'PUT').url, /\/campaign\/cd-00000000-0000-4000-8000-000000000003\?/);
});

test('push exit codes: 3 refused (400), 4 credentials (401), 5 not found (404), 6 unavailable, 6 network', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.failNext(
    1,
    400,
    undefined,
    [{ msg: 'Contact list "Recent Buyers - Q2 2025" does not exist', field: 'contactLists[0]' }],
    'PUT',
  );
  const refused = await runCli(['push', example], envFor(sandbox));
  assert.equal(refused.code, 3);
  assert.match(
    refused.stderr,
    /refused the campaign \(HTTP 400\): Contact list "Recent Buyers - Q2 2025" does not exist \(contactLists\[0\]\)/,
  );
  assert.match(
    refused.stderr,
    /billing-reminder\.campaign\.yaml:\d+:5 error Contact list .* \[platform\]/,
    'the field is mapped to its line',
  );

  const creds = await runCli(['push', example], envFor(sandbox, { KORE_CLIENT_SECRET: 'wrong-secret-0123456789abcdef' }));
  assert.equal(creds.code, 4);
  assert.match(creds.stderr, /rejected the credentials \(HTTP 401\)/);
  assert.ok(!creds.stderr.includes('wrong-secret-0123456789abcdef'));

  const notFound = await runCli(['push', example, '--campaign-id', 'cd-missing-1'], envFor(sandbox));
  assert.equal(notFound.code, 5);
  assert.match(notFound.stderr, /No campaign cd-missing-1 on http:\/\/127\.0\.0\.1:\d+ \(HTTP 404\)/);
  assert.match(
    notFound.stderr,
    /To make it a new campaign instead, remove its campaignId and run kore-campaign create .*billing-reminder\.campaign\.yaml\./,
  );

  sandbox.faults.rateLimitNext(3, 0);
  const busy = await runCli(['push', example], envFor(sandbox));
  assert.equal(busy.code, 6);
  assert.match(busy.stderr, /rate-limited \(HTTP 429\); try 2 of 3 in 0 s/);
  assert.match(busy.stderr, /gave up after 3 tries/);

  const port = await closedPort();
  const down = await runCli(['push', example], envFor(sandbox, { KORE_HOST: `http://127.0.0.1:${port}` }));
  assert.equal(down.code, 6);
  assert.match(down.stderr, /connection refused \(ECONNREFUSED\)\. Is the local sandbox running\?/);
});

test('push with KORE_JWT sends the pasted token', async (t) => {
  const sandbox = await withSandbox(t, { requireJti: false });
  const { platform } = await import('./helpers/push.mjs');
  const jwt = await platform.mintToken(sandbox.credentials.clientId, sandbox.credentials.clientSecret);
  const r = await runCli(['push', example], envFor(sandbox, { KORE_CLIENT_ID: '', KORE_CLIENT_SECRET: '', KORE_JWT: jwt }));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(sandbox.requests[0].headers.auth, jwt);
});

test('push: Ctrl+C during the request exits 130 and says the campaign may have been updated', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.setDelay(5000, 'PUT');
  const child = spawn(process.execPath, [cli, 'push', example], { cwd: root, env: { PATH: process.env.PATH, ...envFor(sandbox) } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exit = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  while (!sandbox.requests.some((q) => q.method === 'PUT')) await new Promise((r) => setTimeout(r, 20));
  const started = performance.now();
  child.kill('SIGINT');
  assert.equal(await exit, 130);
  assert.ok(performance.now() - started < 2000, 'stopped without waiting for the answer');
  assert.match(stderr, /Push cancelled\. The request had already been sent, so the campaign may or may not have been updated\./);
});

test('push --timeout: a slow platform exits 6 with the timeout message', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.setDelay(3000, 'PUT');
  const r = await runCli(['push', example, '--timeout', '0.3'], envFor(sandbox));
  assert.equal(r.code, 6);
  assert.match(r.stderr, /No answer from http:\/\/127\.0\.0\.1:\d+ within 0\.3 s; the push was abandoned\./);
});

test('sandbox command: prints its URL and credentials, serves pushes, stops cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, [cli, 'sandbox', '--port', '0'], { cwd: root });
  let stdout = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m && stdout.includes('Press Ctrl+C')) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`exited early: ${stdout}`)));
  });
  const env = Object.fromEntries([...stdout.matchAll(/export (KORE_\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
  assert.equal(env.KORE_HOST, url);
  assert.deepEqual(Object.keys(env).sort(), ['KORE_ACCOUNT_ID', 'KORE_CLIENT_ID', 'KORE_CLIENT_SECRET', 'KORE_HOST', 'KORE_IID']);
  const pushed = await runCli(['push', example], env);
  assert.equal(pushed.code, 0, pushed.stderr);
  const exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGTERM');
  assert.equal(await exit, 0);
  assert.match(stdout, /PUT \/agentassist\/api\/v1\/public\/st-local-sandbox[^ ]+ -> 200/);
});

test('sandbox command: a taken port exits 2 and says what to do', async (t) => {
  const sandbox = await withSandbox(t);
  const r = await runCli(['sandbox', '--port', String(sandbox.port)]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, new RegExp(`port ${sandbox.port} is in use; pass --port with another number`));
});

test('push honours koreCampaign.validate.* from .vscode/settings.json: a rule switched off no longer blocks; --no-settings restores it', async (t) => {
  const sandbox = await withSandbox(t);
  const file = tempCampaign((text) => text.replace('end: "6:00 PM" }', 'end: "18:00" }'));
  const folder = path.dirname(file);
  const blocked = await runCli(['push', path.basename(file)], envFor(sandbox), folder);
  assert.equal(blocked.code, 1, 'without settings the time-format error stops the push');
  assert.match(blocked.stderr, /test\.campaign\.yaml:\d+:\d+ error end must be a 12-hour time .* \[time-format\]/);
  assert.equal(sandbox.requests.length, 0);

  mkdirSync(path.join(folder, '.vscode'));
  writeFileSync(
    path.join(folder, '.vscode', 'settings.json'),
    '{\n  "koreCampaign.validate.rules": { "time-format": "off" }, // 24-hour times on purpose\n}\n',
  );
  const sent = await runCli(['push', path.basename(file)], envFor(sandbox), folder);
  assert.match(sent.stderr, /koreCampaign\.validate settings from \.vscode\/settings\.json/);
  assert.doesNotMatch(sent.stderr, /\[time-format\]/);
  // Push plans first: the GET, then the PUT with the file.
  assert.deepEqual(
    sandbox.requests.map((q) => q.method),
    ['GET', 'PUT'],
    'the file was sent',
  );
  assert.match(
    JSON.parse(sandbox.requests[1].body)
      .dialingStrategy.callingHours.days.map((d) => d.end)
      .join(' '),
    /18:00/,
  );
  // The sandbox checks as the platform does: the time the settings let through is refused there (exit 3), on its line.
  assert.equal(sent.code, 3, sent.stderr);
  assert.match(sent.stderr, /test\.campaign\.yaml:\d+:\d+ error .*\[platform\]/);

  const ignored = await runCli(['push', path.basename(file), '--no-settings'], envFor(sandbox), folder);
  assert.equal(ignored.code, 1);
  assert.equal(sandbox.requests.length, 2, '--no-settings: nothing more was sent');
});
