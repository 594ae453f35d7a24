// The sandbox enforces the contract as strictly as the spec reads: these are the requests it
// must refuse, and the shape of what it answers when it accepts one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignJWT } from 'jose';
import { CAMPAIGN_ID, platform, sandboxLib, validBody, withSandbox } from './helpers/push.mjs';

async function token(
  sandbox,
  { claims = {}, secret = sandbox.credentials.clientSecret, alg = 'HS256', lifetime = 300, jti = crypto.randomUUID(), sub = 'tester' } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ appId: sandbox.credentials.clientId, ...claims })
    .setProtectedHeader({ alg })
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime);
  if (sub) jwt = jwt.setSubject(sub);
  if (jti) jwt = jwt.setJti(jti);
  return jwt.sign(new TextEncoder().encode(secret));
}

async function send(
  sandbox,
  {
    method = 'PUT',
    iid = sandbox.credentials.iid,
    campaignId = CAMPAIGN_ID,
    path = `/campaign/${campaignId}`,
    query = '?campaignType=voice',
    headers,
    body = validBody(),
    auth,
  } = {},
) {
  const defaults = {
    auth: auth ?? (await token(sandbox)),
    iid: sandbox.credentials.iid,
    accountId: sandbox.credentials.accountId,
    'Content-Type': 'application/json',
  };
  const merged = { ...defaults, ...headers };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const response = await fetch(`${sandbox.url}/agentassist/api/v1/public/${iid}${path}${query}`, {
    method,
    headers: merged,
    body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json(), headers: response.headers };
}

const firstMsg = (r) => r.json.errors?.[0]?.msg;

test('a valid PUT answers the documented success shape and GET returns what was stored', async (t) => {
  const sandbox = await withSandbox(t);
  const body = validBody({ name: 'Renewals Q3' });
  const put = await send(sandbox, { body });
  assert.equal(put.status, 200);
  assert.equal(put.json.status, 'success');
  assert.equal(put.json.message, 'Campaign Renewals Q3 details updated successfully');
  assert.equal(put.json.id, CAMPAIGN_ID);
  const { data } = put.json;
  assert.equal(data.id, CAMPAIGN_ID);
  assert.equal(data.lname, 'renewals q3');
  assert.equal(data.status, 'Ready');
  assert.equal(data.schedule.isRecurrenceEnabled, false);
  assert.equal(data.schedule.isSchedulingEnabled, false);
  assert.ok(Date.parse(data.createdAt) <= Date.parse(data.updatedAt));
  assert.deepEqual(data.dialingStrategy, body.dialingStrategy);
  const get = await send(sandbox, { method: 'GET', query: '' });
  assert.equal(get.status, 200);
  // A read names the id `_id` (the PUT's echo says `id`); the rest is what was stored.
  const { _id, ...read } = get.json.data;
  const { id, ...written } = data;
  assert.equal(_id, CAMPAIGN_ID);
  assert.equal(id, CAMPAIGN_ID);
  assert.deepEqual(read, written);
});

test('auth: missing, sent as Authorization, wrong secret, wrong alg, wrong appId, no sub', async (t) => {
  const sandbox = await withSandbox(t);
  let r = await send(sandbox, { headers: { auth: undefined } });
  assert.equal(r.status, 401);
  assert.equal(firstMsg(r), 'The auth header is missing.');
  r = await send(sandbox, { headers: { auth: undefined, Authorization: `Bearer ${await token(sandbox)}` } });
  assert.equal(r.status, 401);
  assert.match(firstMsg(r), /An Authorization header was sent instead: this API reads the JWT from a header named "auth"/);
  r = await send(sandbox, { auth: await token(sandbox, { secret: 'another-secret-0123456789abcdef!' }) });
  assert.equal(r.status, 401);
  assert.match(firstMsg(r), /signature does not match/);
  r = await send(sandbox, { auth: await token(sandbox, { alg: 'HS512' }) });
  assert.equal(r.status, 401);
  assert.match(firstMsg(r), /only HS256/);
  r = await send(sandbox, { auth: await token(sandbox, { claims: { appId: 'cs-other' } }) });
  assert.equal(r.status, 401);
  assert.match(firstMsg(r), /appId "cs-other" is not this app's client id/);
  r = await send(sandbox, { auth: await token(sandbox, { sub: '' }) });
  assert.equal(r.status, 401);
  assert.match(firstMsg(r), /sub is missing/);
  assert.equal(sandbox.campaigns.get(CAMPAIGN_ID).data.name, validBody().name, 'nothing was stored');
});

test('jti: required, and never accepted twice; exp at most an hour after iat', async (t) => {
  const sandbox = await withSandbox(t);
  let r = await send(sandbox, { auth: await token(sandbox, { jti: null }) });
  assert.equal(r.status, 401);
  assert.match(firstMsg(r), /requires a jti/);
  const once = await token(sandbox);
  assert.equal((await send(sandbox, { auth: once })).status, 200);
  r = await send(sandbox, { auth: once });
  assert.equal(r.status, 401);
  assert.match(firstMsg(r), /jti has already been used/);
  r = await send(sandbox, { auth: await token(sandbox, { lifetime: 7200 }) });
  assert.equal(r.status, 401);
  assert.match(firstMsg(r), /exp is more than one hour after iat/);
  r = await send(sandbox, { auth: await token(sandbox, { lifetime: -10 }) });
  assert.equal(r.status, 401);
  assert.match(firstMsg(r), /expired/);
});

test('iid and accountId: present, iid equal to the path IID, both belonging to the app', async (t) => {
  const sandbox = await withSandbox(t);
  let r = await send(sandbox, { headers: { iid: undefined } });
  assert.equal(r.status, 400);
  assert.equal(firstMsg(r), 'The iid header is missing.');
  r = await send(sandbox, { headers: { iid: 'st-other' } });
  assert.equal(r.status, 400);
  assert.match(firstMsg(r), /iid header \(st-other\) differs from the application id in the path/);
  r = await send(sandbox, { iid: 'st-other', headers: { iid: 'st-other' } });
  assert.equal(r.status, 403);
  assert.equal(firstMsg(r), 'This app is not authorised for application st-other.');
  r = await send(sandbox, { headers: { accountId: undefined } });
  assert.equal(r.status, 400);
  assert.equal(firstMsg(r), 'The accountId header is missing.');
});

test('request shape: campaignType=voice, JSON content type, JSON object body, no campaignId in it', async (t) => {
  const sandbox = await withSandbox(t);
  let r = await send(sandbox, { query: '' });
  assert.equal(r.status, 400);
  assert.match(firstMsg(r), /campaignType query parameter must be "voice"/);
  r = await send(sandbox, { headers: { 'Content-Type': 'text/plain' } });
  assert.equal(r.status, 415);
  r = await send(sandbox, { body: '{not json' });
  assert.equal(r.status, 400);
  assert.equal(firstMsg(r), 'The body is not valid JSON.');
  r = await send(sandbox, { body: { ...validBody(), campaignId: CAMPAIGN_ID } });
  assert.equal(r.status, 400);
  assert.deepEqual(r.json.errors, [{ msg: 'campaignId belongs in the URL, not in the body.', field: 'campaignId' }]);
});

test("the body is checked by the sandbox's own reading of the spec: 400 with msg and field for each refusal", async (t) => {
  const sandbox = await withSandbox(t);
  const body = validBody({ dialingMode: 'preview' });
  delete body.queue_name;
  body.dialingStrategy.maxRingTime = 200;
  const r = await send(sandbox, { body });
  assert.equal(r.status, 400);
  assert.deepEqual(r.json.errors, [
    { field: 'dialingMode', msg: 'dialingMode must be one of Agentless, Progressive, Preview; got "preview".' },
    { field: 'dialingStrategy.maxRingTime', msg: 'maxRingTime must be a whole number from 5 to 120; got the number 200.' },
  ]);
  // A mode the body does not state asks for none of the mode's fields (queue_name here).
  const preview = validBody();
  delete preview.queue_name;
  delete preview.maxSkips;
  const modes = await send(sandbox, { body: preview });
  assert.deepEqual(modes.json.errors, [
    { field: 'queue_name', msg: 'queue_name is required in Preview mode: its calls go to the agents of this queue.' },
    { field: 'maxSkips', msg: 'maxSkips is required in Preview mode: it says how many contacts an agent may skip.' },
  ]);
  const eleven = await send(sandbox, { body: validBody({ contactLists: Array(11).fill('Overdue Accounts') }) });
  assert.deepEqual(eleven.json.errors, [{ field: 'contactLists', msg: 'contactLists has 11 entries; at most 10 are allowed.' }]);
  assert.equal(sandbox.campaigns.get(CAMPAIGN_ID).data.name, validBody().name, 'nothing was stored');
});

test('the three modes as the create pages write them: Agentless with a flow and no queue, Progressive with a queue and no maxSkips', async (t) => {
  const sandbox = await withSandbox(t);
  const { queue_name, maxSkips, ...common } = validBody();
  const agentless = await send(sandbox, { body: { ...common, dialingMode: 'Agentless', experienceFlowName: 'Voice Survey Entry Flow' } });
  assert.equal(agentless.status, 200, JSON.stringify(agentless.json));
  assert.equal(sandbox.campaigns.get(CAMPAIGN_ID).data.experienceFlow, sandboxLib.flowIdFor('Voice Survey Entry Flow'));
  const progressive = await send(sandbox, { body: { ...common, dialingMode: 'Progressive', queue_name } });
  assert.equal(progressive.status, 200, JSON.stringify(progressive.json));
  const noFlow = await send(sandbox, { body: { ...common, dialingMode: 'Agentless' } });
  assert.deepEqual(noFlow.json.errors, [
    {
      field: 'experienceFlowName',
      msg: 'experienceFlowName is required in Agentless mode: its calls are handled by this flow, not by agents.',
    },
  ]);
  const noQueue = await send(sandbox, { body: { ...common, dialingMode: 'Progressive' } });
  assert.deepEqual(
    noQueue.json.errors.map((e) => e.field),
    ['queue_name'],
  );
  // What has no effect in a mode is taken there (the spec's hints), as the seed's PUT sample shows.
  const extra = await send(sandbox, { body: { ...common, dialingMode: 'Agentless', experienceFlowName: 'Flow', queue_name, maxSkips } });
  assert.equal(extra.status, 200, JSON.stringify(extra.json));
});

test('PUT and GET need an existing campaign: 404 otherwise', async (t) => {
  const sandbox = await withSandbox(t);
  let r = await send(sandbox, { campaignId: 'cd-nope-1' });
  assert.equal(r.status, 404);
  assert.equal(firstMsg(r), 'Campaign cd-nope-1 not found.');
  r = await send(sandbox, { method: 'GET', query: '', campaignId: 'cd-nope-1' });
  assert.equal(r.status, 404);
  assert.equal(sandbox.campaigns.has('cd-nope-1'), false);
});

test('fault switches: 503 for the next N, 429 with Retry-After, delay', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.failNext(2);
  assert.equal((await send(sandbox)).status, 503);
  assert.equal((await send(sandbox)).status, 503);
  assert.equal((await send(sandbox)).status, 200);
  sandbox.faults.rateLimitNext(1, 7);
  const limited = await send(sandbox);
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '7');
  sandbox.faults.setDelay(250);
  const started = performance.now();
  assert.equal((await send(sandbox)).status, 200);
  assert.ok(performance.now() - started >= 240);
  sandbox.faults.reset();
});

test('the sandbox refuses to listen beyond this machine', async () => {
  await assert.rejects(sandboxLib.startSandbox({ port: 0, bindAddress: '0.0.0.0' }), /listens on this machine only/);
});

test('list: the documented page shape, summaries without dialingStrategy, a page size capped whatever the limit', async (t) => {
  const sandbox = await withSandbox(t);
  const first = await send(sandbox, {
    method: 'POST',
    path: '/campaign/getAllCampaignDetails',
    query: '',
    body: { type: 'voice', limit: 1000, skip: 0, page: 1 },
  });
  assert.equal(first.status, 200);
  const { data } = first.json;
  assert.equal(first.json.status, 'success');
  assert.equal(data.results.length, sandboxLib.SANDBOX_MAX_PAGE_SIZE);
  assert.deepEqual(
    [data.skip, data.limit, data.hasMore, data.totalResults],
    [0, sandboxLib.SANDBOX_MAX_PAGE_SIZE, true, sandbox.campaigns.size],
  );
  for (const summary of data.results) {
    // The v1 list page names the id `id` (get one says `_id`).
    assert.match(summary.id, /^cd-/);
    assert.equal(summary.dialingStrategy, undefined);
    assert.ok(
      ['name', 'status', 'dialingMode', 'updatedAt', 'schedule', 'contactLists', 'connection'].every((key) => key in summary),
      Object.keys(summary).join(),
    );
  }
  const last = await send(sandbox, {
    method: 'POST',
    path: '/campaign/getAllCampaignDetails',
    query: '',
    body: { type: 'voice', limit: 1000, skip: sandboxLib.SANDBOX_MAX_PAGE_SIZE },
  });
  assert.equal(last.json.data.hasMore, false);
  const bad = await send(sandbox, { method: 'POST', path: '/campaign/getAllCampaignDetails', query: '', body: { type: 'sms' } });
  assert.equal(bad.status, 400);
  const put = await send(sandbox, { method: 'PUT', path: '/campaign/getAllCampaignDetails', query: '?campaignType=voice' });
  assert.equal(put.status, 404, 'a PUT there names a campaign that does not exist');
});

test('create: answers with the new id at once, the campaign Preparing; then Ready; a GET answers `_id`', async (t) => {
  const sandbox = await withSandbox(t, { preparingMs: 100 });
  const created = await send(sandbox, { method: 'POST', path: '/campaign', body: validBody({ name: 'Made Here' }) });
  assert.equal(created.status, 200);
  assert.equal(created.json.status, 'success');
  assert.equal(created.json.message, 'Campaign Made Here creation in progress');
  assert.match(created.json.id, /^cd-[0-9a-f-]+$/);
  assert.equal(created.json.data.campId, created.json.id);
  assert.equal(sandbox.campaigns.get(created.json.id).data.status, 'Preparing');
  await new Promise((resolve) => setTimeout(resolve, 200));
  const read = await send(sandbox, { method: 'GET', campaignId: created.json.id, query: '' });
  assert.equal(read.json.data._id, created.json.id);
  assert.equal(read.json.data.status, 'Ready');
  const invalid = await send(sandbox, { method: 'POST', path: '/campaign', body: validBody({ priority: 5 }) });
  assert.equal(invalid.status, 400);
  const deleted = await send(sandbox, { method: 'DELETE', path: '/campaign' });
  assert.equal(deleted.status, 405);
  assert.equal(deleted.headers.get('allow'), 'POST');
});

test('an Active campaign cannot be edited; partial reads and `id` reads are switches', async (t) => {
  const sandbox = await withSandbox(t);
  const active = await send(sandbox, { campaignId: sandboxLib.SANDBOX_ACTIVE_CAMPAIGN_ID });
  assert.equal(active.status, 400);
  assert.match(firstMsg(active), /is Active: an Active campaign cannot be edited/);
  sandbox.faults.partialReads(true);
  sandbox.faults.readIdAs('id');
  const read = await send(sandbox, { method: 'GET', query: '' });
  assert.equal(read.json.data.id, CAMPAIGN_ID);
  assert.equal(read.json.data._id, undefined);
  for (const missing of sandboxLib.PARTIAL_READ_FIELDS)
    assert.equal(
      missing.split('.').reduce((v, k) => v?.[k], read.json.data),
      undefined,
      missing,
    );
});

test('a port that fetch refuses (6000, 10080, ...) is refused at start with the reason, by the library and the CLI', async () => {
  const reason = `Port 6000 is one that Node's fetch refuses to connect to (the Fetch standard's "bad ports"), so no push could reach the sandbox there. Choose another, e.g. 4777.`;
  await assert.rejects(sandboxLib.startSandbox({ port: 6000 }), { message: reason });
  await assert.rejects(sandboxLib.startSandbox({ port: 10080 }), /Port 10080 is one that Node's fetch refuses/);
  const { execFile } = await import('node:child_process');
  const path = await import('node:path');
  const { ROOT } = await import('./helpers/lsp-client.mjs');
  const result = await new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin', 'kore-campaign.js'), 'sandbox', '--port', '6000'],
      { timeout: 20_000 },
      (error, stdout, stderr) => resolve({ code: error?.code ?? 0, stdout, stderr }),
    );
  });
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr.trim(), `kore-campaign sandbox: ${reason}`);
});
