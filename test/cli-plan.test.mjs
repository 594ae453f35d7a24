// `kore-campaign plan` over real HTTP against the sandbox: files, folders and globs; drift over
// a folder (exit 8), file errors (1), platform failures with push's codes, bounded concurrency
// and one shared back-off, --format json, and no secret in any output.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertNoSecrets, envFor, root, runCli } from './helpers/cli.mjs';
import { tempDir } from './helpers/fixtures.mjs';
import { withSandbox } from './helpers/push.mjs';

const EXAMPLE_ID = 'cd-ed19e3c7-3682-5e72-a839-af9e07110001';
const example = path.join(root, 'examples/billing-reminder.campaign.yaml');

/** Every sandbox campaign pulled into a fresh folder. */
async function pulledFolder(sandbox) {
  const dir = tempDir('kore-plan-');
  const pulled = await runCli(['pull', '--all', '--out', dir], envFor(sandbox));
  assert.equal(pulled.code, 0, pulled.stderr);
  sandbox.requests.length = 0;
  return dir;
}

/** The most requests the sandbox was answering at one time. */
function peakConcurrency(requests) {
  const events = requests
    .flatMap((r) => [
      [r.receivedAt, 1],
      [r.respondedAt, -1],
    ])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, step] of events) peak = Math.max(peak, (now += step));
  return peak;
}

test('plan over a folder: 0 when everything matches; drift made in the platform exits 8 and names each field', async (t) => {
  const sandbox = await withSandbox(t);
  const dir = await pulledFolder(sandbox);
  const same = await runCli(['plan', dir], envFor(sandbox));
  assert.equal(same.code, 0, same.stderr);
  assert.match(
    same.stdout,
    new RegExp(
      `\\n${sandbox.campaigns.size} files planned against http://127\\.0\\.0\\.1:\\d+: ${sandbox.campaigns.size} matching, 0 with changes, 0 with errors, 0 not read\\.\\n$`,
    ),
  );

  // Colleagues change two campaigns in the platform's UI.
  sandbox.campaigns.get(EXAMPLE_ID).data.priority = '2';
  const active = sandbox.campaigns.get('cd-5a4d0000-0000-4000-8000-0000000000a1').data;
  active.dialingStrategy.maxRingTime = 55;
  active.contactLists = [...active.contactLists, 'VIP'];
  const drift = await runCli(['plan', dir], envFor(sandbox));
  assert.equal(drift.code, 8, drift.stderr);
  assert.match(
    drift.stdout,
    /billing-reminder-voice-campaign\.campaign\.yaml: 1 change to 'Billing Reminder Voice Campaign' \(cd-ed19e3c7-3682-5e72-a839-af9e07110001\) on http:\/\/127\.0\.0\.1:\d+, status Ready, updated \d{4}-/,
  );
  assert.match(drift.stdout, /\n {2}~ priority: platform "2" -> file "5"\n/);
  assert.match(drift.stdout, /spring-sale-live-calls\.campaign\.yaml: 2 changes to 'Spring Sale Live Calls' .* status Active/);
  assert.match(
    drift.stdout,
    /\n {2}- contactLists\[1\]: platform "VIP" -> file \(not set\)\n {2}~ dialingStrategy\.maxRingTime: platform 55 -> file 20\n/,
  );
  assert.match(drift.stdout, /: \d+ matching, 2 with changes, 0 with errors, 0 not read\.\n$/);

  const json = await runCli(['plan', '--format', 'json', path.join(dir, 'billing-reminder-voice-campaign.campaign.yaml')], envFor(sandbox));
  assert.equal(json.code, 8);
  const report = JSON.parse(json.stdout);
  assert.equal(report.exitCode, 8);
  assert.deepEqual(report.summary, { files: 1, matching: 0, differing: 1, errors: 0, failed: 0 });
  assert.deepEqual(report.files[0].changes, [{ path: 'priority', kind: 'changed', platform: '2', file: '5' }]);
  assert.equal(report.files[0].remoteStatus, 'Ready');
  assertNoSecrets(assert, sandbox, same.stdout, drift.stdout, json.stdout, drift.stderr);
});

test('plan: a field the platform did not return is shown as unknown remotely, not as a change; globs work', async (t) => {
  const sandbox = await withSandbox(t);
  const dir = tempDir('kore-plan-partial-');
  copyFileSync(example, path.join(dir, 'billing.campaign.yaml'));
  await runCli(['push', path.join(dir, 'billing.campaign.yaml')], envFor(sandbox));
  sandbox.faults.partialReads(['queue_name']);
  const r = await runCli(['plan', `${dir}/*.campaign.yaml`], envFor(sandbox));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /billing\.campaign\.yaml: matches 'Billing Reminder Voice Campaign'/);
  assert.match(r.stdout, /\n {2}\? queue_name: unknown remotely \(the platform did not return it\); file "Default Queue"\n/);
});

test('plan: file errors and a file without campaignId exit 1, before differences', async (t) => {
  const sandbox = await withSandbox(t);
  const dir = tempDir('kore-plan-errors-');
  copyFileSync(path.join(root, 'examples/typical-mistakes.campaign.yaml'), path.join(dir, 'mistakes.campaign.yaml'));
  writeFileSync(path.join(dir, 'new.campaign.yaml'), readFileSync(example, 'utf8').replace(/^campaignId:.*\n/m, ''));
  writeFileSync(path.join(dir, 'changed.campaign.yaml'), readFileSync(example, 'utf8').replace('maxSkips: 1', 'maxSkips: 3'));
  const r = await runCli(['plan', dir], envFor(sandbox));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /mistakes\.campaign\.yaml:\d+:\d+ error priority must be a string/);
  assert.match(
    r.stderr,
    /new\.campaign\.yaml has no campaignId, so there is nothing on the platform to compare it with\. Create the campaign with kore-campaign create/,
  );
  assert.match(r.stdout, /changed\.campaign\.yaml: \d+ changes? to/);
  assert.match(r.stdout, /3 files planned against .*: 0 matching, 1 with changes, 2 with errors, 0 not read\./);
});

test('plan exit codes for platform failures: 4 credentials, 5 no such campaign, 6 unavailable, 7 non-JSON; 2 usage', async (t) => {
  const sandbox = await withSandbox(t);
  const dir = tempDir('kore-plan-codes-');
  const file = path.join(dir, 'billing.campaign.yaml');
  copyFileSync(example, file);
  const creds = await runCli(['plan', file], envFor(sandbox, { KORE_CLIENT_SECRET: 'wrong-secret-0123456789abcdef' }));
  assert.equal(creds.code, 4);
  assert.match(creds.stderr, /billing\.campaign\.yaml: http:\/\/127\.0\.0\.1:\d+ rejected the credentials \(HTTP 401\)/);
  assert.ok(!`${creds.stdout}${creds.stderr}`.includes('wrong-secret-0123456789abcdef'));
  writeFileSync(path.join(dir, 'gone.campaign.yaml'), readFileSync(example, 'utf8').replace(EXAMPLE_ID, 'cd-missing-1'));
  const gone = await runCli(['plan', path.join(dir, 'gone.campaign.yaml')], envFor(sandbox));
  assert.equal(gone.code, 5);
  assert.match(gone.stderr, /No campaign cd-missing-1 on .* \(HTTP 404\)/);
  sandbox.faults.failNext(3, 503, 0);
  const down = await runCli(['plan', file, '--timeout', '5'], envFor(sandbox));
  assert.equal(down.code, 6, down.stderr);
  assert.match(down.stderr, /is unavailable \(HTTP 503\); gave up after 3 tries/);
  sandbox.faults.nonJsonNext(1);
  const html = await runCli(['plan', file, '--format', 'json'], envFor(sandbox));
  assert.equal(html.code, 7);
  assert.equal(JSON.parse(html.stdout).files[0].failure.kind, 'http-error');
  for (const args of [[], ['--concurrency', 'x', file], [path.join(dir, 'none')], ['--bogus', file]]) {
    assert.equal((await runCli(['plan', ...args], envFor(sandbox))).code, 2, args.join(' '));
  }
  assert.equal((await runCli(['plan', file], {})).code, 2, 'no configuration');
  assertNoSecrets(assert, sandbox, creds.stderr, gone.stderr, down.stderr, html.stdout);
});

test('plan over a folder: at most --concurrency requests at once, and one 429 holds them all', async (t) => {
  const sandbox = await withSandbox(t, { latencyMs: 60 });
  const dir = await pulledFolder(sandbox);
  const four = await runCli(['plan', dir], envFor(sandbox));
  assert.equal(four.code, 0, four.stderr);
  assert.equal(peakConcurrency(sandbox.requests), 4, 'the default is 4');
  sandbox.requests.length = 0;
  const one = await runCli(['plan', dir, '--concurrency', '1'], envFor(sandbox));
  assert.equal(one.code, 0);
  assert.equal(peakConcurrency(sandbox.requests), 1);

  sandbox.requests.length = 0;
  sandbox.faults.rateLimitNext(1, 1);
  const limited = await runCli(['plan', dir, '--concurrency', '8'], envFor(sandbox));
  assert.equal(limited.code, 0, limited.stderr);
  const limitedAt = sandbox.requests.find((r) => r.status === 429).respondedAt;
  const gaps = sandbox.requests.filter((r) => r.receivedAt >= limitedAt).map((r) => r.receivedAt - limitedAt);
  // Requests already on their way arrive at once (allowing for a busy machine); every later one
  // waited for the second the 429 asked. Without the shared gate, dozens would arrive meanwhile.
  assert.deepEqual(
    gaps.filter((gap) => gap >= 250 && gap < 900),
    [],
    `gaps after the 429: ${gaps.join(', ')} ms`,
  );
  assert.ok(gaps.filter((gap) => gap >= 900).length > 8);
  assert.equal(limited.stderr, '', 'no progress line when stderr is not a terminal');
});

test('kore-campaign sandbox --latency-ms holds every answer, as a distant platform would', async () => {
  const { spawn } = await import('node:child_process');
  const { cli } = await import('./helpers/cli.mjs');
  const child = spawn(process.execPath, [cli, 'sandbox', '--port', '0', '--latency-ms', '150'], { cwd: root });
  let stdout = '';
  const env = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('Press Ctrl+C'))
        resolve(Object.fromEntries([...stdout.matchAll(/export (KORE_\w+)=(\S+)/g)].map((m) => [m[1], m[2]])));
    });
    child.on('exit', () => reject(new Error(`exited early: ${stdout}`)));
  });
  assert.match(stdout, /and 25 more \(kore-campaign pull --all\)/);
  const r = await runCli(['plan', example], env);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  assert.equal(r.code, 8, r.stderr);
  const [, ms] = /GET \/agentassist\S+ -> 200 \((\d+) ms\)/.exec(stdout) ?? [];
  assert.ok(Number(ms) >= 150, `answered in ${ms} ms`);
  assert.equal((await runCli(['sandbox', '--latency-ms', 'soon'])).code, 2);
});

test('plan on a terminal: a progress line on stderr, cleared before the report', async (t) => {
  const { execFileSync, spawn } = await import('node:child_process');
  const { cli } = await import('./helpers/cli.mjs');
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
  } catch {
    t.skip('util-linux `script` (a pseudo-terminal) is not installed');
    return;
  }
  const sandbox = await withSandbox(t);
  const dir = await pulledFolder(sandbox);
  // `script` runs the command on a pseudo-terminal, so stderr is a TTY as in a shell.
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} plan ${JSON.stringify(dir)}`;
  const r = await new Promise((resolve) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { PATH: process.env.PATH, ...envFor(sandbox) } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, new RegExp(`\\rkore-campaign plan: ${sandbox.campaigns.size}/${sandbox.campaigns.size}\\x1b\\[K`));
  assert.match(r.out, /\r\x1b\[K[^\r]*matches/, 'the line is cleared before the report');
});

test('plan checks files under koreCampaign.validate.* from .vscode/settings.json, as validate and push do; --no-settings ignores it', async (t) => {
  const { mkdirSync } = await import('node:fs');
  const sandbox = await withSandbox(t);
  const dir = tempDir('kore-plan-settings-');
  writeFileSync(path.join(dir, 'late.campaign.yaml'), readFileSync(example, 'utf8').replace('end: "6:00 PM" }', 'end: "18:00" }'));
  const blocked = await runCli(['plan', '.'], envFor(sandbox), dir);
  assert.equal(blocked.code, 1);
  assert.match(blocked.stderr, /late\.campaign\.yaml:\d+:\d+ error end must be a 12-hour time .* \[time-format\]/);
  mkdirSync(path.join(dir, '.vscode'));
  writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{ "koreCampaign.validate.rules": { "time-format": "off" } }\n');
  const planned = await runCli(['plan', '.'], envFor(sandbox), dir);
  assert.equal(planned.code, 8, planned.stderr);
  assert.match(planned.stdout, /~ dialingStrategy\.callingHours\.days\[0\]\.end: platform "6:00 PM" -> file "18:00"/);
  assert.equal((await runCli(['plan', '.', '--no-settings'], envFor(sandbox), dir)).code, 1);
});
