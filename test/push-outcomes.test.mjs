// Every outcome of a push, over real HTTP against the local sandbox, as the user reads it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAMPAIGN_ID, closedPort, connectionFor, clientCredentials, push, validBody, withSandbox } from './helpers/push.mjs';

test('200: success names the campaign, the connection, the status and the update time', async (t) => {
  const sandbox = await withSandbox(t);
  const { outcome } = await push(sandbox);
  assert.equal(outcome.kind, 'success');
  assert.equal(outcome.status, 200);
  assert.equal(outcome.attempts, 1);
  assert.equal(outcome.campaign.name, 'Billing Reminder Voice Campaign');
  assert.equal(outcome.campaign.status, 'Ready');
  assert.match(outcome.campaign.updatedAt, /^\d{4}-\d\d-\d\dT/);
  assert.equal(
    outcome.message,
    `Pushed 'Billing Reminder Voice Campaign' to Local sandbox (status Ready, updated ${outcome.campaign.updatedAt}).`,
  );
  assert.equal(JSON.parse(outcome.responseBody).id, CAMPAIGN_ID);
});

test('400: the platform messages, each with the field path it names', async (t) => {
  const sandbox = await withSandbox(t);
  const body = validBody();
  body.dialingStrategy.callingHours.days[0].start = '09:00';
  body.priority = 5;
  const { outcome } = await push(sandbox, { body });
  assert.equal(outcome.kind, 'invalid');
  assert.equal(outcome.status, 400);
  assert.equal(outcome.attempts, 1, 'a 400 is not retried');
  const byPath = Object.fromEntries(outcome.errors.map((e) => [e.field, e.message]));
  assert.deepEqual(Object.keys(byPath).sort(), ['dialingStrategy.callingHours.days[0].start', 'priority']);
  assert.match(byPath.priority, /^priority must be a string; got the number 5\.$/);
  assert.match(outcome.message, /^Local sandbox refused the campaign \(HTTP 400\), 2 problems: /);
  assert.match(outcome.message, /\(dialingStrategy\.callingHours\.days\[0\]\.start\)/);
});

test('401: a token signed with the wrong secret is "credentials rejected"', async (t) => {
  const sandbox = await withSandbox(t);
  const { outcome } = await push(sandbox, {
    credentials: clientCredentials(sandbox, { clientSecret: 'not-the-sandbox-secret-0123456789' }),
  });
  assert.equal(outcome.kind, 'credentials-rejected');
  assert.equal(outcome.status, 401);
  assert.equal(outcome.attempts, 1);
  assert.match(outcome.message, /^Local sandbox rejected the credentials \(HTTP 401\): Invalid token: the signature does not match/);
  assert.match(outcome.message, /Check the Client ID and Client Secret \(or the JWT\)/);
});

test('401: a token for another client id', async (t) => {
  const sandbox = await withSandbox(t);
  const { outcome } = await push(sandbox, { credentials: clientCredentials(sandbox, { clientId: 'cs-someone-else' }) });
  assert.equal(outcome.kind, 'credentials-rejected');
  assert.match(outcome.message, /appId "cs-someone-else" is not this app's client id/);
});

test('403: an account id that does not own the application', async (t) => {
  const sandbox = await withSandbox(t);
  const { outcome } = await push(sandbox, { connection: connectionFor(sandbox, { accountId: '999999999999999999999999' }) });
  assert.equal(outcome.kind, 'credentials-rejected');
  assert.equal(outcome.status, 403);
  assert.match(outcome.message, /rejected the credentials \(HTTP 403\): Account 999999999999999999999999 does not own application/);
});

test('404: no campaign with that id on that connection', async (t) => {
  const sandbox = await withSandbox(t);
  const { outcome } = await push(sandbox, { campaignId: 'cd-does-not-exist-0000' });
  assert.equal(outcome.kind, 'not-found');
  assert.equal(outcome.status, 404);
  assert.match(
    outcome.message,
    /^No campaign cd-does-not-exist-0000 on Local sandbox \(HTTP 404\): Campaign cd-does-not-exist-0000 not found\. Check the campaignId/,
  );
});

test('429 with Retry-After: waits as asked, then succeeds on the second try', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.rateLimitNext(1, 1);
  const { outcome, progress, elapsedMs, logs } = await push(sandbox);
  assert.equal(outcome.kind, 'success');
  assert.equal(outcome.attempts, 2);
  assert.equal(sandbox.requests.length, 2);
  assert.ok(elapsedMs >= 990, `waited ${elapsedMs} ms, Retry-After said 1 s`);
  const waiting = progress.filter((p) => p.kind === 'waiting');
  assert.equal(waiting.length, 1);
  assert.equal(waiting[0].delayMs, 1000);
  assert.equal(waiting[0].message, 'Local sandbox rate-limited (HTTP 429); try 2 of 3 in 1 s');
  assert.ok(logs.some((l) => l.includes('(Retry-After: 1)')));
});

test('503 twice, then success: exponential backoff and visible progress', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.failNext(2, 503);
  const { outcome, progress } = await push(sandbox, { retry: { baseDelayMs: 50 } });
  assert.equal(outcome.kind, 'success');
  assert.equal(outcome.attempts, 3);
  assert.deepEqual(
    sandbox.requests.map((r) => r.status),
    [503, 503, 200],
  );
  assert.deepEqual(
    progress.filter((p) => p.kind === 'waiting').map((p) => [p.nextAttempt, p.delayMs, p.message]),
    [
      [2, 50, 'Local sandbox HTTP 503; try 2 of 3 in 0.1 s'],
      [3, 100, 'Local sandbox HTTP 503; try 3 of 3 in 0.1 s'],
    ],
  );
  const gap = sandbox.requests[2].receivedAt - sandbox.requests[1].respondedAt;
  assert.ok(gap >= 95, `second wait was ${gap} ms, backoff says 100`);
});

test('503 three times: gives up after exactly 3 tries', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.failNext(5, 503);
  const { outcome } = await push(sandbox);
  assert.equal(outcome.kind, 'unavailable');
  assert.equal(outcome.status, 503);
  assert.equal(outcome.attempts, 3);
  assert.equal(sandbox.requests.length, 3, 'no fourth request');
  assert.equal(outcome.message, 'Local sandbox is unavailable (HTTP 503); gave up after 3 tries. Try again later.');
});

test('502 and 504 are retried too; 500 is not', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.failNext(1, 502);
  sandbox.faults.failNext(1, 504);
  assert.equal((await push(sandbox)).outcome.kind, 'success');
  sandbox.faults.failNext(1, 500, undefined, [{ msg: 'Internal error 42' }]);
  const { outcome } = await push(sandbox);
  assert.equal(outcome.kind, 'http-error');
  assert.equal(outcome.attempts, 1);
  assert.equal(outcome.message, 'Local sandbox answered HTTP 500: Internal error 42.');
});

test('a Retry-After longer than the push waits: stops at once and says how long', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.rateLimitNext(1, 3600);
  const { outcome, elapsedMs } = await push(sandbox);
  assert.equal(outcome.kind, 'unavailable');
  assert.equal(outcome.attempts, 1);
  assert.ok(elapsedMs < 2000);
  assert.match(
    outcome.message,
    /rate-limited the push \(HTTP 429\) and asked to wait 3600 s, longer than this push waits\. Try again later\./,
  );
});

test('network error: a closed port says so and points at the sandbox', async () => {
  const port = await closedPort();
  const connection = { id: 'x', name: 'Local sandbox', host: `http://127.0.0.1:${port}`, iid: 'st-x', accountId: 'a1' };
  const { outcome } = await push(null, { connection, credentials: { kind: 'client', clientId: 'c', clientSecret: 'secret-value-123' } });
  assert.equal(outcome.kind, 'network-error');
  assert.equal(outcome.code, 'ECONNREFUSED');
  assert.equal(outcome.attempts, 1, 'a refused connection is not retried');
  assert.equal(
    outcome.message,
    `Could not reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED). Is the local sandbox running? Start it with \`kore-campaign sandbox\`.`,
  );
});

test('timeout: no answer within the limit is abandoned, and the user is told it may have landed', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.setDelay(3000);
  const { outcome, elapsedMs } = await push(sandbox, { timeoutMs: 200 });
  assert.equal(outcome.kind, 'timeout');
  assert.equal(outcome.attempts, 1);
  assert.ok(elapsedMs >= 190 && elapsedMs < 1500, `took ${elapsedMs} ms`);
  assert.match(
    outcome.message,
    /^No answer from Local sandbox \(http:\/\/127\.0\.0\.1:\d+\) within 0\.2 s; the push was abandoned\. The campaign may or may not have been updated/,
  );
});

test('cancel: aborting mid-request stops at once', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.setDelay(3000);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const { outcome, elapsedMs } = await push(sandbox, { signal: controller.signal });
  assert.equal(outcome.kind, 'cancelled');
  assert.ok(elapsedMs < 1000, `took ${elapsedMs} ms`);
  assert.equal(outcome.message, 'Push cancelled. The request had already been sent, so the campaign may or may not have been updated.');
});

test('cancel while waiting to retry: no further try is made', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.rateLimitNext(1, 5);
  const controller = new AbortController();
  const pending = push(sandbox, { signal: controller.signal, onProgress: (p) => p.kind === 'waiting' && controller.abort() });
  const { outcome, elapsedMs } = await pending;
  assert.equal(outcome.kind, 'cancelled');
  assert.equal(sandbox.requests.length, 1);
  assert.ok(elapsedMs < 2000);
});

test('cancel before sending: nothing is sent', async (t) => {
  const sandbox = await withSandbox(t);
  const { outcome } = await push(sandbox, { signal: AbortSignal.abort() });
  assert.equal(outcome.kind, 'cancelled');
  assert.equal(outcome.message, 'Push cancelled before anything was sent.');
  assert.equal(sandbox.requests.length, 0);
});

test('a redirect is not followed (it would carry the token elsewhere)', async (t) => {
  const http = await import('node:http');
  let followed = false;
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/elsewhere')) followed = true;
    res.writeHead(307, { Location: '/elsewhere' }).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const connection = { id: 'x', name: 'Redirecting', host: `http://127.0.0.1:${server.address().port}`, iid: 'st-x', accountId: 'a1' };
  const { outcome } = await push(null, { connection, credentials: { kind: 'client', clientId: 'c', clientSecret: 'secret-value-123' } });
  assert.equal(outcome.kind, 'http-error');
  assert.equal(outcome.status, 307);
  assert.equal(followed, false);
  assert.match(outcome.message, /redirect \(HTTP 307\); it was not followed because it would carry the token elsewhere/);
});
