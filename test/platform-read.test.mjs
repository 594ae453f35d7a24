// The platform client's reads and create, over real HTTP against the sandbox: get one, list
// (paging until hasMore is false, whatever limit the server honours), create; each with the
// push's token per request, retries, redaction and outcome mapping.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAMPAIGN_ID, clientCredentials, connectionFor, platform, sandboxLib, validBody, withSandbox } from './helpers/push.mjs';

const target = (sandbox, extra = {}) => ({ connection: connectionFor(sandbox), credentials: clientCredentials(sandbox), ...extra });
const fast = { retry: { baseDelayMs: 20 } };

test('get one: the campaign by `_id`, with the platform-owned fields, one fresh token', async (t) => {
  const sandbox = await withSandbox(t);
  const outcome = await platform.getCampaign(target(sandbox, { campaignId: CAMPAIGN_ID }), fast);
  assert.equal(outcome.kind, 'success');
  assert.equal(outcome.campaign.id, CAMPAIGN_ID);
  assert.equal(outcome.campaign.data._id, CAMPAIGN_ID);
  assert.equal(outcome.campaign.status, 'Ready');
  assert.equal(outcome.campaign.data.dialingStrategy.maxRingTime, 30);
  assert.equal(outcome.message, "Read 'Billing Reminder Voice Campaign' from Local sandbox.");
  const [request] = sandbox.requests;
  assert.equal(request.method, 'GET');
  assert.equal(request.url, `/agentassist/api/v1/public/${sandbox.credentials.iid}/campaign/${CAMPAIGN_ID}`);
  assert.equal(request.headers.iid, sandbox.credentials.iid);
  assert.equal(request.headers.accountid, sandbox.credentials.accountId);
});

test('get one: `id` instead of `_id`, a partial read, a non-JSON answer, a 404', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.readIdAs('id');
  sandbox.faults.partialReads(true);
  const partial = await platform.getCampaign(target(sandbox, { campaignId: CAMPAIGN_ID }), fast);
  assert.equal(partial.kind, 'success');
  assert.equal(partial.campaign.id, CAMPAIGN_ID);
  assert.equal(partial.campaign.data.queue_name, undefined);
  assert.equal(partial.campaign.data.dialingStrategy.dialingOrder, undefined);

  sandbox.faults.nonJsonNext(1);
  const html = await platform.getCampaign(target(sandbox, { campaignId: CAMPAIGN_ID }), fast);
  assert.equal(html.kind, 'http-error');
  assert.match(html.message, /^Local sandbox answered HTTP 200 but not JSON: <html><body><h1>Session expired/);

  const missing = await platform.getCampaign(target(sandbox, { campaignId: 'cd-nope-1' }), fast);
  assert.equal(missing.kind, 'not-found');
  assert.match(missing.message, /^No campaign cd-nope-1 on Local sandbox \(HTTP 404\): Campaign cd-nope-1 not found\./);
});

test('get one: 401, 503 retried then success, 429 exhausted, and no secret in messages or logs', async (t) => {
  const sandbox = await withSandbox(t);
  const logs = [];
  const wrong = await platform.getCampaign(
    target(sandbox, {
      campaignId: CAMPAIGN_ID,
      credentials: clientCredentials(sandbox, { clientSecret: 'wrong-secret-0123456789abcdef' }),
    }),
    { ...fast, log: (l) => logs.push(l) },
  );
  assert.equal(wrong.kind, 'credentials-rejected');
  assert.ok(!JSON.stringify(wrong).includes('wrong-secret-0123456789abcdef'));
  assert.ok(!logs.join('\n').includes('wrong-secret-0123456789abcdef'));
  assert.ok(logs.some((l) => l === '    auth: <redacted>'));

  sandbox.faults.failNext(2, 503);
  const retried = await platform.getCampaign(target(sandbox, { campaignId: CAMPAIGN_ID }), fast);
  assert.equal(retried.kind, 'success');
  assert.equal(retried.attempts, 3);

  sandbox.faults.rateLimitNext(3, 0);
  const limited = await platform.getCampaign(target(sandbox, { campaignId: CAMPAIGN_ID }), fast);
  assert.equal(limited.kind, 'unavailable');
  assert.match(limited.message, /rate-limited the read \(HTTP 429\); gave up after 3 tries/);
});

test('list: pages until hasMore is false although the server caps the page size', async (t) => {
  const sandbox = await withSandbox(t);
  const pages = [];
  const outcome = await platform.listCampaigns(target(sandbox), {
    ...fast,
    pageSize: 100,
    onPage: (entries, page) => pages.push([page, entries.length]),
  });
  assert.equal(outcome.kind, 'success');
  const total = sandbox.campaigns.size;
  assert.ok(total > sandboxLib.SANDBOX_MAX_PAGE_SIZE, 'the seed is more than one page');
  assert.equal(outcome.campaigns.length, total);
  assert.equal(new Set(outcome.campaigns.map((c) => c.id)).size, total);
  assert.deepEqual(pages, [
    [1, sandboxLib.SANDBOX_MAX_PAGE_SIZE],
    [2, total - sandboxLib.SANDBOX_MAX_PAGE_SIZE],
  ]);
  const bodies = sandbox.requests.map((r) => JSON.parse(r.body));
  assert.deepEqual(bodies, [
    { type: 'voice', limit: 100, skip: 0, page: 1 },
    { type: 'voice', limit: 100, skip: sandboxLib.SANDBOX_MAX_PAGE_SIZE, page: 2 },
  ]);
  const active = outcome.campaigns.find((c) => c.id === sandboxLib.SANDBOX_ACTIVE_CAMPAIGN_ID);
  assert.equal(active.status, 'Active');
  assert.equal(active.data.dialingStrategy, undefined, 'summaries carry no dialingStrategy');
  assert.ok(outcome.campaigns.some((c) => c.dialingMode === 'Agentless' && /^cf-/.test(c.data.experienceFlow)));
});

test('list: a failing second page returns the failure with the campaigns read so far', async (t) => {
  const sandbox = await withSandbox(t);
  const first = platform.listCampaigns(target(sandbox), {
    ...fast,
    pageSize: 10,
    onPage: (entries, page) => page === 1 && sandbox.faults.failNext(1, 500),
  });
  const outcome = await first;
  assert.equal(outcome.kind, 'http-error');
  assert.equal(outcome.campaigns.length, 10);
  assert.match(outcome.message, /answered HTTP 500/);
});

test('create: answers with the new id while the campaign is Preparing, then Ready', async (t) => {
  const sandbox = await withSandbox(t, { preparingMs: 150 });
  const outcome = await platform.createCampaign(target(sandbox, { body: validBody({ name: 'Created By Test' }) }), fast);
  assert.equal(outcome.kind, 'success');
  assert.match(outcome.campaignId, /^cd-[0-9a-f-]+$/);
  assert.equal(outcome.platformMessage, 'Campaign Created By Test creation in progress');
  assert.match(outcome.message, /^Creating 'Created By Test' on Local sandbox as cd-[0-9a-f-]+: creation is in progress/);
  assert.equal(sandbox.requests[0].url, `/agentassist/api/v1/public/${sandbox.credentials.iid}/campaign?campaignType=voice`);
  assert.equal(sandbox.campaigns.get(outcome.campaignId).data.status, 'Preparing');
  await new Promise((r) => setTimeout(r, 250));
  const read = await platform.getCampaign(target(sandbox, { campaignId: outcome.campaignId }), fast);
  assert.equal(read.campaign.status, 'Ready');
});

test('create: a 503 is not retried (it may have created the campaign), a 429 is', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.failNext(1, 503);
  const failed = await platform.createCampaign(target(sandbox, { body: validBody() }), fast);
  assert.equal(failed.kind, 'http-error');
  assert.equal(failed.attempts, 1);
  sandbox.faults.rateLimitNext(1, 0);
  const created = await platform.createCampaign(target(sandbox, { body: validBody() }), fast);
  assert.equal(created.kind, 'success');
  assert.equal(created.attempts, 2);
  const refused = await platform.createCampaign(target(sandbox, { body: validBody({ priority: 5 }) }), fast);
  assert.equal(refused.kind, 'invalid');
  assert.match(
    refused.message,
    /^Local sandbox refused the campaign \(HTTP 400\): priority must be a string; got the number 5\. \(priority\)$/,
  );
});

test('a shared request budget: one 429 holds every concurrent request until Retry-After has passed', async (t) => {
  const sandbox = await withSandbox(t);
  const budget = new platform.RequestBudget({ requests: 1000 });
  sandbox.faults.rateLimitNext(1, 1);
  const ids = sandboxLib.SANDBOX_CAMPAIGN_IDS;
  const started = Date.now();
  const outcomes = await platform.mapConcurrent(ids, 4, (id) =>
    platform.getCampaign(target(sandbox, { campaignId: id }), { ...fast, budget }),
  );
  assert.ok(outcomes.every((o) => o.kind === 'success'));
  const limitedAt = sandbox.requests.find((r) => r.status === 429).respondedAt;
  // Requests already on their way when the 429 was answered arrive within a few ms; every one
  // sent after it (the retry, and the fifth campaign's read) waits out the second it asked for.
  const gaps = sandbox.requests.filter((r) => r.receivedAt >= limitedAt).map((r) => r.receivedAt - limitedAt);
  const waited = gaps.filter((gap) => gap >= 900);
  assert.equal(waited.length, 2, `gaps after the 429: ${gaps.join(', ')} ms`);
  assert.deepEqual(
    gaps.filter((gap) => gap >= 250 && gap < 900),
    [],
    `gaps after the 429: ${gaps.join(', ')} ms`,
  );
  assert.ok(Date.now() - started < 5000);
});

test('cancellation: an aborted list stops and says nothing was changed', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.setDelay(2000);
  const abort = new AbortController();
  setTimeout(() => abort.abort(), 100);
  const outcome = await platform.listCampaigns(target(sandbox), { ...fast, signal: abort.signal });
  assert.equal(outcome.kind, 'cancelled');
  assert.equal(outcome.message, 'List cancelled. Nothing was changed on the platform.');
});
