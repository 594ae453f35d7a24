// `kore-campaign pull` over real HTTP against the sandbox: every page of --all, one file per
// campaign, in-place updates that keep comments, name clashes, local changes never overwritten
// without --overwrite, partial and broken answers, and the exit codes.
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertNoSecrets, envFor, gitCommitAll, root, runCli } from './helpers/cli.mjs';
import { tempDir } from './helpers/fixtures.mjs';
import { core, sandboxLib, withSandbox } from './helpers/push.mjs';

const EXAMPLE_ID = 'cd-ed19e3c7-3682-5e72-a839-af9e07110001';
const example = path.join(root, 'examples/billing-reminder.campaign.yaml');

test('pull --all: every page, one file per campaign named by slug, a suffix on a name clash, one line per file', async (t) => {
  const sandbox = await withSandbox(t);
  const dir = tempDir('kore-pull-');
  const r = await runCli(['pull', '--all', '--out', dir], envFor(sandbox));
  assert.equal(r.code, 0, r.stderr);
  const lists = sandbox.requests.filter((q) => q.url.endsWith('/campaign/getAllCampaignDetails'));
  assert.equal(lists.length, 2, 'two pages: the sandbox caps the page size');
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, sandbox.campaigns.size);
  assert.match(
    lines[0],
    /^created {3}.*billing-reminder-voice-campaign\.campaign\.yaml \(cd-ed19e3c7-3682-5e72-a839-af9e07110001, 'Billing Reminder Voice Campaign'\)$/,
  );
  assert.match(
    lines[1],
    /billing-reminder-voice-campaign-2\.campaign\.yaml \(cd-ed19e3c7-3682-5e72-a839-af9e0711xxxx,/,
    'the same name gets a suffix',
  );
  const files = readdirSync(dir);
  assert.equal(files.length, sandbox.campaigns.size);
  const active = readFileSync(path.join(dir, 'spring-sale-live-calls.campaign.yaml'), 'utf8');
  assert.match(active, /^# Pulled from http:\/\/127\.0\.0\.1:\d+ with kore-campaign pull\./);
  assert.match(active, /\ncampaignId: cd-5a4d0000-0000-4000-8000-0000000000a1\nname: Spring Sale Live Calls\n/);
  assert.doesNotMatch(active, /\n(status|lname|updatedAt|campaignInstanceId|isRecurrenceEnabled):/);
  for (const file of files) {
    const errors = core.validateText(readFileSync(path.join(dir, file), 'utf8')).filter((d) => d.severity === 'error');
    assert.deepEqual(errors, [], file);
  }
  assert.match(
    r.stderr,
    /appointment-reminder-wave-1\.campaign\.yaml: The platform returned the experience flow's id \(cf-[0-9a-f-]+\), not its name: set experienceFlowName yourself\./,
  );
  assertNoSecrets(assert, sandbox, r.stdout, r.stderr);
});

test('pull into an existing committed file: updated in place, comments and order kept; the same again is unchanged', async (t) => {
  const sandbox = await withSandbox(t);
  const dir = tempDir('kore-pull-git-');
  const file = path.join(dir, 'my-billing.campaign.yaml');
  copyFileSync(example, file);
  gitCommitAll(dir);
  // A colleague changes the campaign in the platform's UI.
  const stored = sandbox.campaigns.get(EXAMPLE_ID);
  stored.data = {
    ...core.parseCampaign(readFileSync(example, 'utf8')).value,
    ...{ status: 'Paused', lname: 'x', updatedAt: stored.updatedAt },
    priority: '3',
  };
  delete stored.data.campaignId;
  stored.data.dialingStrategy.maxRingTime = 45;
  const r = await runCli(['pull', EXAMPLE_ID, '--out', dir], envFor(sandbox));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `updated   ${file} (${EXAMPLE_ID}, 'Billing Reminder Voice Campaign')\n`);
  const before = readFileSync(example, 'utf8').split('\n');
  const after = readFileSync(file, 'utf8').split('\n');
  assert.deepEqual(
    before.map((line, i) => [line, after[i]]).filter(([a, b]) => a !== b),
    [
      ['priority: "5" # a string: "1".."5"', 'priority: "3" # a string: "1".."5"'],
      ['  maxRingTime: 30 # seconds', '  maxRingTime: 45 # seconds'],
    ],
  );
  gitCommitAll(dir, 'pulled');
  const again = await runCli(['pull', EXAMPLE_ID, '--out', dir], envFor(sandbox));
  assert.equal(again.code, 0);
  assert.match(again.stdout, /^unchanged /);
});

test('pull never overwrites uncommitted changes without --overwrite (exit 10), nor a file outside git that would change', async (t) => {
  const sandbox = await withSandbox(t);
  const dir = tempDir('kore-pull-conflict-');
  const file = path.join(dir, 'billing.campaign.yaml');
  copyFileSync(example, file);
  gitCommitAll(dir);
  const edited = readFileSync(file, 'utf8').replace('maxSkips: 1', 'maxSkips: 2 # my local edit');
  writeFileSync(file, edited);
  const conflict = await runCli(['pull', EXAMPLE_ID, '--out', dir], envFor(sandbox));
  assert.equal(conflict.code, 10);
  assert.match(conflict.stdout, /^conflict {2}.*billing\.campaign\.yaml/);
  assert.match(
    conflict.stderr,
    /billing\.campaign\.yaml was left as it is: it has uncommitted changes \(git status\)\. Commit or stash your changes, or pass --overwrite\./,
  );
  assert.equal(readFileSync(file, 'utf8'), edited, 'nothing lost');

  const forced = await runCli(['pull', EXAMPLE_ID, '--out', dir, '--overwrite'], envFor(sandbox));
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /^updated /);
  assert.match(readFileSync(file, 'utf8'), /\nmaxSkips: 1 # my local edit\n/, "the value is the platform's, the comment stays");

  const outside = tempDir('kore-pull-nogit-');
  const loose = path.join(outside, 'billing.campaign.yaml');
  writeFileSync(loose, edited);
  const noGit = await runCli(['pull', EXAMPLE_ID, '--out', outside], envFor(sandbox));
  assert.equal(noGit.code, 10);
  assert.match(
    noGit.stderr,
    /git cannot tell whether it has local changes \(not in a git repository, or no git\), so your edits cannot be told from the platform's changes/,
  );
  assert.equal(readFileSync(loose, 'utf8'), edited);
});

test("pull: a name taken by another campaign's file gets a suffix; that file is not touched", async (t) => {
  const sandbox = await withSandbox(t);
  const dir = tempDir('kore-pull-clash-');
  const other = readFileSync(example, 'utf8').replace(EXAMPLE_ID, 'cd-00000000-0000-4000-8000-000000000001');
  writeFileSync(path.join(dir, 'billing-reminder-voice-campaign.campaign.yaml'), other);
  const r = await runCli(['pull', EXAMPLE_ID, '--out', dir, '--format', 'json'], envFor(sandbox));
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.exitCode, 0);
  assert.equal(report.files.length, 1);
  assert.equal(path.basename(report.files[0].file), 'billing-reminder-voice-campaign-2.campaign.yaml');
  assert.equal(report.files[0].result, 'created');
  assert.equal(readFileSync(path.join(dir, 'billing-reminder-voice-campaign.campaign.yaml'), 'utf8'), other);
});

test('pull: a partial read gives a file to finish and says what is missing; `id` instead of `_id` is fine', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.partialReads(true);
  sandbox.faults.readIdAs('id');
  const dir = tempDir('kore-pull-partial-');
  const r = await runCli(['pull', EXAMPLE_ID, '--out', dir], envFor(sandbox));
  assert.equal(r.code, 0, r.stderr);
  const [file] = readdirSync(dir);
  const text = readFileSync(path.join(dir, file), 'utf8');
  assert.match(
    text,
    /# Not returned by the platform, fill in before pushing: dialingStrategy\.dialingOrder, dialingStrategy\.maxAttemptsPerRecord, queue_name\n/,
  );
  assert.match(text, new RegExp(`\\ncampaignId: ${EXAMPLE_ID}\\n`));
  assert.match(
    r.stderr,
    /The platform did not return dialingStrategy\.dialingOrder, dialingStrategy\.maxAttemptsPerRecord, queue_name; fill them in before pushing\./,
  );
});

test('pull exit codes: 2 usage, 4 credentials, 5 no such campaign, 6 rate-limited, 7 a non-JSON answer; no secret printed', async (t) => {
  const sandbox = await withSandbox(t);
  const dir = tempDir('kore-pull-codes-');
  for (const args of [
    [],
    ['--all', EXAMPLE_ID],
    ['not-an-id'],
    ['--all', '--concurrency', '0'],
    ['--all', '--bogus'],
    ['--all', '--format', 'xml'],
  ]) {
    const r = await runCli(['pull', ...args, '--out', dir], envFor(sandbox));
    assert.equal(r.code, 2, `pull ${args.join(' ')}: ${r.stderr}`);
  }
  assert.equal((await runCli(['pull', '--all', '--out', dir], {})).code, 2);
  const creds = await runCli(['pull', '--all', '--out', dir], envFor(sandbox, { KORE_CLIENT_SECRET: 'wrong-secret-0123456789abcdef' }));
  assert.equal(creds.code, 4);
  assert.match(creds.stderr, /rejected the credentials \(HTTP 401\)/);
  assert.ok(!creds.stderr.includes('wrong-secret-0123456789abcdef'));
  const missing = await runCli(['pull', 'cd-missing-1', '--out', dir], envFor(sandbox));
  assert.equal(missing.code, 5);
  assert.match(missing.stderr, /cd-missing-1: No campaign cd-missing-1 on http:\/\/127\.0\.0\.1:\d+ \(HTTP 404\)/);
  sandbox.faults.rateLimitNext(3, 0);
  const busy = await runCli(['pull', EXAMPLE_ID, '--out', dir], envFor(sandbox));
  assert.equal(busy.code, 6);
  assert.match(busy.stderr, /rate-limited the read \(HTTP 429\); gave up after 3 tries/);
  sandbox.faults.nonJsonNext(1);
  const html = await runCli(['pull', EXAMPLE_ID, '--out', dir], envFor(sandbox));
  assert.equal(html.code, 7);
  assert.match(html.stderr, /answered HTTP 200 but not JSON: <html>/);
  sandbox.faults.nonJsonNext(1);
  const list = await runCli(['pull', '--all', '--out', dir, '--format', 'json'], envFor(sandbox));
  assert.equal(list.code, 7);
  const report = JSON.parse(list.stdout);
  assert.deepEqual([report.files, report.exitCode, report.list.kind], [[], 7, 'http-error']);
  assert.match(report.list.message, /answered HTTP 200 but not JSON/);
  assert.deepEqual(readdirSync(dir), [], 'no file from a failed read');
  assertNoSecrets(assert, sandbox, creds.stderr, missing.stderr, busy.stderr, html.stderr);
  assert.ok(sandboxLib.SANDBOX_CAMPAIGN_IDS.includes(EXAMPLE_ID));
});

test('pull --all: list results without a usable id are left out and said so; the others are written', async (t) => {
  const sandbox = await withSandbox(t);
  const dir = tempDir('kore-pull-noid-');
  sandbox.faults.answerNext(
    1,
    { status: 'success', data: { results: [{ id: EXAMPLE_ID, name: 'Billing' }, { name: 'No id at all' }, { _id: 42 }], hasMore: false } },
    200,
    'POST',
  );
  const r = await runCli(['pull', '--all', '--out', dir], envFor(sandbox));
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(dir), ['billing-reminder-voice-campaign.campaign.yaml']);
  assert.match(
    r.stderr,
    /^kore-campaign pull: 2 campaigns in http:\/\/127\.0\.0\.1:\d+'s list had no campaign id this tool can use \(`id`, `_id` or `campId`\); nothing was written for them\.$/m,
  );
});
