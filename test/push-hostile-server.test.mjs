// Pushes against servers that misbehave on purpose (over real HTTP on loopback): one that
// echoes the token back in its error messages, one that never stops sending, odd Retry-After
// values. What the user sees (outcome, log) must hold no secret and end in bounded time.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { CAMPAIGN_ID, platform, validBody } from './helpers/push.mjs';

/** A loopback HTTP server answering every request with `handler`; closed after the test. */
async function hostileServer(t, handler) {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.headers);
    req.resume();
    req.on('end', () => handler(req, res, requests.length));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${server.address().port}`, requests };
}

const hostileTarget = (server) => ({
  connection: { id: 'h', name: 'Hostile', host: server.url, iid: 'st-1', accountId: 'a1' },
  credentials: { kind: 'client', clientId: 'cid', clientSecret: 'the-client-secret-0123456789' },
});

/** The same hostile server, read instead of pushed to: every call shares the pipeline's limits. */
async function readFrom(server, options = {}) {
  const logs = [];
  const outcome = await platform.getCampaign(
    { ...hostileTarget(server), campaignId: CAMPAIGN_ID },
    { retry: { baseDelayMs: 10 }, log: (line) => logs.push(line), env: {}, ...options },
  );
  return { outcome, logs };
}

async function pushTo(server, options = {}) {
  const logs = [];
  const outcome = await platform.pushCampaign(
    {
      ...hostileTarget(server),
      campaignId: CAMPAIGN_ID,
      body: validBody(),
    },
    { retry: { baseDelayMs: 10 }, log: (line) => logs.push(line), env: {}, ...options },
  );
  return { outcome, logs };
}

/** Every string in `value`, however deep. */
function strings(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** A 400 whose error entries echo the auth header whole, and its parts on their own. */
function echoTheToken(req, res) {
  const [header, payload, signature] = req.headers.auth.split('.');
  res.writeHead(400, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      errors: [
        { msg: `invalid auth ${req.headers.auth}`, field: 'auth' },
        { msg: `signature ${signature} does not verify`, code: payload },
        { message: `header was ${header}` },
      ],
      name: payload,
    }),
  );
}

function assertNoPartOfTheToken(server, outcome, logs) {
  assert.equal(outcome.kind, 'invalid');
  const token = server.requests[0].auth;
  const parts = token.split('.');
  assert.equal(parts.length, 3);
  for (const text of [...logs, ...strings(outcome)]) {
    for (const secret of [token, ...parts]) assert.ok(!text.includes(secret), `leaked in: ${text}`);
  }
  assert.deepEqual(
    outcome.errors.map((e) => e.message),
    ['invalid auth <redacted>', 'signature <redacted> does not verify', 'header was <redacted>'],
  );
}

test('a 400 echoing the auth header, or only its signature or payload, leaks no part of the token anywhere', async (t) => {
  const server = await hostileServer(t, echoTheToken);
  const { outcome, logs } = await pushTo(server);
  assertNoPartOfTheToken(server, outcome, logs);
});

test('a read (GET) answered with the token echoed leaks no part of it either', async (t) => {
  const server = await hostileServer(t, echoTheToken);
  const { outcome, logs } = await readFrom(server);
  assertNoPartOfTheToken(server, outcome, logs);
  assert.ok(
    logs.some((l) => l.startsWith('--> GET ')),
    'the read sent a GET',
  );
});

test('the Redactor hides each part of a known token on its own, and the client secret', () => {
  // Made at run time, so no token-shaped string is committed.
  const part = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const token = [part({ alg: 'HS256' }), part({ sub: 'x' }), part('signature-value')].join('.');
  const r = new platform.Redactor();
  r.add(token);
  assert.equal(r.text(`sig ${part('signature-value')}, payload ${part({ sub: 'x' })}.`), 'sig <redacted>, payload <redacted>.');
});

/** A 200 that never ends: chunks written as fast as the client reads them. */
function endlessBody(_req, res) {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  res.writeHead(200, { 'content-type': 'application/json' });
  const pump = () => {
    while (res.write(chunk));
  };
  res.on('drain', pump);
  res.on('close', () => res.off('drain', pump));
  pump();
}

test('an endless 200 body is cut off at the size limit with a clear outcome, in bounded memory', async (t) => {
  const server = await hostileServer(t, endlessBody);
  const before = process.memoryUsage().rss;
  const { outcome, logs } = await pushTo(server, { timeoutMs: 120_000 });
  assert.equal(outcome.kind, 'http-error');
  assert.equal(outcome.status, 200);
  assert.equal(outcome.attempts, 1);
  assert.match(
    outcome.message,
    /^Hostile answered with more than 10 MB; reading stopped there\. A campaign answer is a few kilobytes: check the host\.$/,
  );
  assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'memory stays bounded');
  assert.ok(logs.some((l) => l.includes('more than 10 MB')));
});

test('a read (GET) of an endless body stops at the same limit with the same outcome', async (t) => {
  const server = await hostileServer(t, endlessBody);
  const { outcome, logs } = await readFrom(server, { timeoutMs: 120_000 });
  assert.equal(outcome.kind, 'http-error');
  assert.equal(outcome.status, 200);
  assert.equal(outcome.attempts, 1);
  assert.equal(
    outcome.message,
    'Hostile answered with more than 10 MB; reading stopped there. A campaign answer is a few kilobytes: check the host.',
  );
  assert.ok(
    logs.some((l) => l.startsWith('--> GET ')),
    'the read sent a GET',
  );
  assert.ok(logs.some((l) => l.includes('more than 10 MB')));
});

test('Retry-After: a negative value is not a date (backoff is used); a huge one is capped, never "Infinity"', async (t) => {
  assert.equal(platform.parseRetryAfter('-5', 0), undefined);
  assert.equal(platform.parseRetryAfter('1.5', 0), undefined);
  assert.equal(platform.parseRetryAfter('120', 0), 120_000);
  assert.equal(platform.parseRetryAfter('9'.repeat(400), 0), platform.MAX_RETRY_AFTER_MS);
  assert.equal(platform.parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')), 60_000);

  const server = await hostileServer(t, (_req, res, n) => {
    res.writeHead(503, { 'retry-after': n === 1 ? '-5' : '9'.repeat(400) });
    res.end();
  });
  const { outcome, logs } = await pushTo(server);
  assert.equal(outcome.kind, 'unavailable');
  assert.equal(outcome.attempts, 2);
  assert.ok(
    logs.some((l) => /try 2 of 3 in 0 s$/.test(l)),
    'the -5 try waited the backoff, not "at once as asked"',
  );
  assert.ok(!logs.some((l) => l.includes('as Retry-After asked') && l.includes('try 2')));
  assert.match(outcome.message, /asked to wait 86400 s, longer than this push waits/);
  for (const text of [...logs, outcome.message]) assert.ok(!/Infinity|NaN/.test(text), text);
});

test('http:// is allowed only to localhost itself and loopback addresses, not to *.localhost names', () => {
  const { normaliseHost, isLoopbackHostname } = platform;
  for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '::ffff:127.0.0.1'])
    assert.equal(isLoopbackHostname(host), true, host);
  for (const host of ['evil.localhost', 'a.b.localhost', 'localhost.evil.com', '127.0.0.1.evil.com', '128.0.0.1'])
    assert.equal(isLoopbackHostname(host), false, host);
  assert.throws(() => normaliseHost('http://sandbox.localhost:4777'), /http:\/\/ is only allowed to this machine/);
  assert.equal(normaliseHost('https://sandbox.localhost:4777').loopback, false);
});
