// The contact-list call (POST .../campaign/contactList/getAllListDetails?type=call) over real
// HTTP to the sandbox: the push's token, retries, timeout, cancellation and redaction.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientCredentials, connectionFor, platform, push, validBody, withSandbox } from './helpers/push.mjs';

const fetchLists = (sandbox, options = {}, credentials = clientCredentials(sandbox)) =>
  platform.fetchContactLists(connectionFor(sandbox), credentials, { retry: { baseDelayMs: 20 }, ...options });

test('the lists come back with their counts, status and the campaigns using them', async (t) => {
  const sandbox = await withSandbox(t);
  const result = await fetchLists(sandbox);
  assert.equal(result.kind, 'success');
  const byName = new Map(result.lists.map((l) => [l.name, l]));
  assert.deepEqual(byName.get('Recent Buyers - Q2 2025'), {
    name: 'Recent Buyers - Q2 2025',
    totalRecordCount: 1250,
    status: 'Ready',
    campaignInUse: ['cd-ed19e3c7-3682-5e72-a839-af9e07110001', 'cd-00000000-0000-4000-8000-000000000002'],
  });
  assert.equal(byName.get('Win-back 2024').totalRecordCount, 0);
  assert.ok(byName.has('Renewals: March') && byName.has('#VIP callers'), 'names that need quoting in YAML');
  const [request] = sandbox.requests;
  assert.equal(request.method, 'POST');
  assert.match(request.url, /\/campaign\/contactList\/getAllListDetails\?type=call$/);
  assert.deepEqual(request.rawHeaderNames.filter((h) => ['auth', 'iid', 'accountId', 'Content-Type'].includes(h)).sort(), [
    'Content-Type',
    'accountId',
    'auth',
    'iid',
  ]);
});

test('503 is retried with a fresh token; the log is redacted', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.failNext(2, 503);
  const logs = [];
  const result = await fetchLists(sandbox, { log: (line) => logs.push(line) });
  assert.equal(result.kind, 'success');
  assert.equal(sandbox.requests.length, 3);
  const tokens = sandbox.requests.map((r) => r.headers.auth);
  assert.equal(new Set(tokens).size, 3, 'one token per try');
  const text = logs.join('\n');
  for (const token of tokens) assert.ok(!text.includes(token), 'no token in the log');
  assert.ok(!text.includes(sandbox.credentials.clientSecret));
  assert.match(text, /--> POST .*getAllListDetails\?type=call \(try 3 of 3\)/);
});

test('failures are typed with one sentence: credentials, unavailable, timeout, cancelled, a bad answer', async (t) => {
  const sandbox = await withSandbox(t);
  const rejected = await fetchLists(sandbox, {}, clientCredentials(sandbox, { clientSecret: 'not-the-secret-0123456789' }));
  assert.deepEqual([rejected.kind, rejected.outcome, rejected.status], ['failed', 'credentials-rejected', 401]);
  assert.match(rejected.reason, /rejected the credentials \(HTTP 401\)\.$/);

  sandbox.faults.failNext(3, 503);
  const unavailable = await fetchLists(sandbox);
  assert.deepEqual([unavailable.outcome, unavailable.reason.endsWith('is unavailable (HTTP 503).')], ['unavailable', true]);

  sandbox.faults.setDelay(500);
  const timeout = await fetchLists(sandbox, { timeoutMs: 100 });
  assert.equal(timeout.outcome, 'timeout');
  const abort = new AbortController();
  setTimeout(() => abort.abort(), 50);
  const cancelled = await fetchLists(sandbox, { signal: abort.signal });
  assert.equal(cancelled.outcome, 'cancelled');
  sandbox.faults.reset();

  assert.equal(platform.contactListsFromAnswer({ status: 'success', data: { results: [] } }), undefined);
  assert.deepEqual(platform.contactListsFromAnswer({ data: [{ name: 'A' }, { nope: 1 }, null] }), [{ name: 'A', campaignInUse: [] }]);
});

test('the sandbox refuses a campaign naming a list it does not have, on the entry', async (t) => {
  const sandbox = await withSandbox(t);
  const { outcome } = await push(sandbox, { body: validBody({ contactLists: ['Recent Buyers - Q2 2025', 'Overdue Acounts'] }) });
  assert.equal(outcome.kind, 'invalid');
  assert.deepEqual(outcome.errors, [
    { message: 'Contact list "Overdue Acounts" does not exist in this account.', field: 'contactLists[1]' },
  ]);
  const { outcome: ok } = await push(sandbox, { body: validBody({ contactLists: ['Renewals: March', 'Win-back 2024'] }) });
  assert.equal(ok.kind, 'success');
});

test('the sandbox holds the call to the contract: POST, type=call, the same authentication as the PUT', async (t) => {
  const sandbox = await withSandbox(t);
  const url = `${sandbox.url}/agentassist/api/v1/public/${sandbox.credentials.iid}/campaign/contactList/getAllListDetails`;
  const unauthenticated = await fetch(`${url}?type=call`, { method: 'POST' });
  assert.equal(unauthenticated.status, 401);
  const request = await platform.preparePushRequest({
    connection: connectionFor(sandbox),
    credentials: clientCredentials(sandbox),
    campaignId: 'cd-x',
    body: {},
  });
  const get = await fetch(`${url}?type=call`, { method: 'GET', headers: request.headers });
  assert.deepEqual([get.status, get.headers.get('allow')], [405, 'POST']);
  const fresh = await platform.preparePushRequest({
    connection: connectionFor(sandbox),
    credentials: clientCredentials(sandbox),
    campaignId: 'cd-x',
    body: {},
  });
  const sms = await fetch(`${url}?type=sms`, { method: 'POST', headers: fresh.headers });
  assert.equal(sms.status, 400);
  assert.match((await sms.json()).errors[0].msg, /type query parameter must be "call"/);
});
