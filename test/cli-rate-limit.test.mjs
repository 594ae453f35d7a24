// The CLI under the platform's rate limit, against a sandbox that enforces it the way page
// rate-limit-ccai describes (60 requests per rolling window, refusals with the documented
// message and no Retry-After), its window scaled down from 60 s to 5 s: the same shape, so a
// run of 150 campaigns takes seconds (5 s rather than 2: on a busy machine a second of noise in
// the run's own work would otherwise weigh more than the tenth the floor allows). `pull --all` and `plan` must handle every campaign with
// no request refused, within 1.1 times the floor the limit sets; a limit that never lifts ends
// with a clear message naming what was done.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertNoSecrets, envFor, root, runCli } from './helpers/cli.mjs';
import { tempDir } from './helpers/fixtures.mjs';
import { sandboxLib, withSandbox } from './helpers/push.mjs';

const WINDOW_MS = 5000;
const LIMIT = { requests: 60, windowMs: WINDOW_MS };
const ids = Array.from({ length: 150 }, (_, i) => `cd-1a7e0000-0000-4000-8000-${String(i).padStart(12, '0')}`);
/** The CLI told the same limit, over the same window. */
const paced = (sandbox) => envFor(sandbox, { KORE_REQUESTS_PER_MINUTE: '60', KORE_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_MS / 1000) });

/** The windows the limit makes `count` requests wait: the last batch cannot go before this. */
const waitsMs = (count) => (Math.ceil(count / LIMIT.requests) - 1) * LIMIT.windowMs;
/** From the first request's arrival to the last answer: what the limit governs (process start-up and file writes aside). */
const spanMs = (requests) => Math.max(...requests.map((r) => r.respondedAt)) - Math.min(...requests.map((r) => r.receivedAt));

/**
 * The floor the limit sets for this run: the windows it must wait, plus the time the same
 * requests take when nothing limits them (measured just before, against a sandbox without the
 * limit). A scaled-down window makes that second term matter; at 60 s it is a rounding error.
 */
async function floorFor(t, args, prepare = () => {}) {
  const free = await withSandbox(t, { campaignIds: ids, rateLimit: false });
  const dir = tempDir('kore-rate-free-');
  prepare(dir);
  const r = await runCli(
    args(dir),
    envFor(free, { KORE_REQUESTS_PER_MINUTE: '10000', KORE_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_MS / 1000) }),
  );
  assert.equal(r.code, 0, r.stderr);
  return waitsMs(free.requests.length) + spanMs(free.requests);
}

test('pull --all over 150 campaigns: every one pulled, none refused, within 1.1 times the floor', async (t) => {
  const args = (dir) => ['pull', '--all', '--out', dir];
  const floor = await floorFor(t, args);
  const sandbox = await withSandbox(t, { campaignIds: ids, rateLimit: LIMIT });
  const dir = tempDir('kore-rate-pull-');
  const r = await runCli(args(dir), paced(sandbox));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readdirSync(dir).length, 150);
  assert.deepEqual(
    sandbox.requests.filter((q) => q.status !== 200).map((q) => `${q.method} ${q.url} -> ${q.status}`),
    [],
    'no request refused',
  );
  const pages = Math.ceil(150 / sandboxLib.SANDBOX_MAX_PAGE_SIZE);
  assert.equal(sandbox.requests.length, 150 + pages);
  const span = spanMs(sandbox.requests);
  assert.ok(span >= waitsMs(150 + pages), `no faster than the limit allows (${span} ms)`);
  assert.ok(span <= 1.1 * floor, `${span} ms for a floor of ${floor} ms (${(span / floor).toFixed(3)})`);
  // Not on a terminal: one line per wait, saying why the run sits still and for how long.
  assert.match(r.stderr, /^kore-campaign pull: Waiting \d(\.\d)? s for http:\/\/127\.0\.0\.1:\d+'s rate limit \(60 requests per 5 s\)$/m);
  assertNoSecrets(assert, sandbox, r.stdout, r.stderr);
});

test('plan over 150 files: every one planned, none refused, within 1.1 times the floor', async (t) => {
  const seed = JSON.stringify(sandboxLib.SANDBOX_SEED_CAMPAIGN, null, 2).slice(1);
  const files = (dir) => ids.forEach((id) => writeFileSync(path.join(dir, `${id}.campaign.yaml`), `{"campaignId": "${id}",${seed}`));
  const args = (dir) => ['plan', dir, '--format', 'json'];
  const floor = await floorFor(t, args, files);
  const sandbox = await withSandbox(t, { campaignIds: ids, rateLimit: LIMIT });
  const dir = tempDir('kore-rate-plan-');
  files(dir);
  const r = await runCli(args(dir), paced(sandbox));
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.summary, { files: 150, matching: 150, differing: 0, errors: 0, failed: 0 });
  assert.equal(sandbox.requests.length, 150);
  assert.deepEqual(
    sandbox.requests.filter((q) => q.status !== 200),
    [],
  );
  const span = spanMs(sandbox.requests);
  assert.ok(span >= waitsMs(150), `no faster than the limit allows (${span} ms)`);
  assert.ok(span <= 1.1 * floor, `${span} ms for a floor of ${floor} ms (${(span / floor).toFixed(3)})`);
});

test('a rate limit that never lifts: the run stops with a clear message, the campaigns pulled named, nothing else written', async (t) => {
  // The sandbox takes 12 requests in ten minutes; the CLI was told 60 per second: as if another
  // tool spent the account's limit meanwhile. Two waits of a (1 s) window each, then the run stops.
  const sandbox = await withSandbox(t, { campaignIds: ids.slice(0, 30), rateLimit: { requests: 12, windowMs: 600_000 } });
  const dir = tempDir('kore-rate-stuck-');
  const started = performance.now();
  const r = await runCli(['pull', '--all', '--out', dir], envFor(sandbox, { KORE_RATE_LIMIT_WINDOW_SECONDS: '1' }));
  assert.equal(r.code, 6, r.stderr);
  assert.ok(performance.now() - started < 15_000, 'stopped, not waiting request after request');
  const pulled = r.stdout.trimEnd().split('\n');
  assert.equal(pulled.length, 10, r.stdout);
  for (const line of pulled)
    assert.match(line, /^created {3}\S+\.campaign\.yaml \(cd-1a7e0000-0000-4000-8000-\d{12}, 'Billing Reminder Voice Campaign'\)$/);
  assert.equal(readdirSync(dir).length, 10, 'a file for each campaign pulled, none for the others');
  assert.match(
    r.stderr,
    /rate-limited the read \(HTTP 429\); gave up after 3 tries and 2 s of waiting for its rate limit to lift \(You've exceeded the per-minute rate limit\. Please wait for sometime before retrying\.\)\./,
  );
  assert.match(
    r.stderr,
    /\nkore-campaign pull: the platform's rate limit did not lift, so the run stopped: 10 of 30 campaigns pulled \(named above\); the other 20 were not \(\d+ refused or not sent\), and nothing was changed for them: run the same command again later\. The limit is per account: if other tools use it at the same time, lower KORE_REQUESTS_PER_MINUTE for this run\.\n$/,
  );
  assert.doesNotMatch(r.stderr, /\n\s+at |Error:/, 'no stack trace');
  assert.ok(r.stderr.split('\n').length < 15, `one line per refused request at most, not one per campaign:\n${r.stderr}`);
  assertNoSecrets(assert, sandbox, r.stdout, r.stderr);
});

test('KORE_REQUESTS_PER_MINUTE and KORE_RATE_LIMIT_WINDOW_SECONDS: whole numbers in range, or nothing is sent (exit 2)', async (t) => {
  const sandbox = await withSandbox(t);
  const file = path.join(root, 'examples/billing-reminder.campaign.yaml');
  for (const [name, value] of [
    ['KORE_REQUESTS_PER_MINUTE', '0'],
    ['KORE_REQUESTS_PER_MINUTE', '60.5'],
    ['KORE_REQUESTS_PER_MINUTE', 'fast'],
    ['KORE_REQUESTS_PER_MINUTE', '10001'],
    ['KORE_RATE_LIMIT_WINDOW_SECONDS', '0'],
  ]) {
    const r = await runCli(['plan', file], envFor(sandbox, { [name]: value }));
    assert.equal(r.code, 2, `${name}=${value}`);
    assert.match(r.stderr, new RegExp(`${name} must be a whole number from 1 to \\d+; it is "${value.replace('.', '\\.')}"\\.`));
  }
  assert.equal(sandbox.requests.length, 0);
  const help = await runCli(['pull', '--help']);
  assert.match(
    help.stdout,
    /KORE_REQUESTS_PER_MINUTE\n\s+the account's rate limit, shared by every request of the run \(default\n\s+60, Kore\.ai's documented limit/,
  );
  assert.ok(readFileSync(file, 'utf8').includes('campaignId'));
});

test("kore-campaign sandbox --rate-limit N --rate-limit-window S: the platform's limit, its refusals as documented", async () => {
  const { spawn } = await import('node:child_process');
  const { cli } = await import('./helpers/cli.mjs');
  const child = spawn(process.execPath, [cli, 'sandbox', '--port', '0', '--quiet', '--rate-limit', '2', '--rate-limit-window', '60'], {
    cwd: root,
  });
  let stdout = '';
  const env = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('Press Ctrl+C'))
        resolve(Object.fromEntries([...stdout.matchAll(/export (KORE_\w+)=(\S+)/g)].map((m) => [m[1], m[2]])));
    });
    child.on('exit', () => reject(new Error(`exited early: ${stdout}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    assert.match(stdout, /^Rate limit: 2 requests per 60 s per account, as the platform enforces it \(--rate-limit 0 for none\)\.$/m);
    const example = path.join(root, 'examples/billing-reminder.campaign.yaml');
    // The CLI told a 1 s window: the sandbox's 60 s one refuses the third read, and goes on refusing.
    const quick = { ...env, KORE_RATE_LIMIT_WINDOW_SECONDS: '1' };
    for (const run of [1, 2]) assert.equal((await runCli(['plan', example], quick)).code, 8, `run ${run}`);
    const refused = await runCli(['plan', example], quick);
    assert.equal(refused.code, 6, refused.stderr);
    assert.match(
      refused.stderr,
      /gave up after 3 tries and 2 s of waiting for its rate limit to lift \(You've exceeded the per-minute rate limit\./,
    );
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  for (const bad of [
    ['--rate-limit', 'many'],
    ['--rate-limit-window', '0'],
  ])
    assert.equal((await runCli(['sandbox', ...bad])).code, 2, bad.join(' '));
});
