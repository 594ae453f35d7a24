// What goes on the wire: the exact request the sandbox received, the token's claims and
// signature, a fresh token per request, and that no secret ever reaches a log line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { CAMPAIGN_ID, clientCredentials, connectionFor, core, platform, push, validBody, withSandbox } from './helpers/push.mjs';
import { tempDir } from './helpers/fixtures.mjs';

test('the sandbox receives exactly the documented request', async (t) => {
  const sandbox = await withSandbox(t);
  const body = validBody();
  const { outcome } = await push(sandbox, { body: { ...body } });
  assert.equal(outcome.kind, 'success');
  const [received] = sandbox.requests;
  assert.equal(received.method, 'PUT');
  assert.equal(received.url, `/agentassist/api/v1/public/${sandbox.credentials.iid}/campaign/${CAMPAIGN_ID}?campaignType=voice`);
  assert.equal(received.headers.iid, sandbox.credentials.iid);
  assert.equal(received.headers.accountid, sandbox.credentials.accountId);
  assert.equal(received.headers['content-type'], 'application/json');
  assert.match(received.headers.auth, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  assert.equal(received.headers.authorization, undefined, 'the token goes in "auth", not Authorization');
  assert.deepEqual(JSON.parse(received.body), body);
  assert.equal(received.body, JSON.stringify(body));
});

test('the body is the file mapping without campaignId', () => {
  const campaign = { campaignId: CAMPAIGN_ID, name: 'x', priority: '1' };
  assert.deepEqual(core.bodyFromCampaign(campaign), { name: 'x', priority: '1' });
  assert.equal(campaign.campaignId, CAMPAIGN_ID, 'the input is not mutated');
});

test('the JWT: HS256 signed with the client secret, appId, sub, iat, exp a few minutes ahead, jti', async (t) => {
  const sandbox = await withSandbox(t);
  const before = Math.floor(Date.now() / 1000);
  await push(sandbox);
  const token = sandbox.requests[0].headers.auth;
  assert.deepEqual(decodeProtectedHeader(token), { alg: 'HS256', typ: 'JWT' });
  const { payload } = await jwtVerify(token, new TextEncoder().encode(sandbox.credentials.clientSecret), { algorithms: ['HS256'] });
  assert.equal(payload.appId, sandbox.credentials.clientId);
  assert.equal(payload.sub, 'kore-campaign-tools');
  assert.ok(payload.iat >= before && payload.iat <= before + 5);
  assert.equal(payload.exp - payload.iat, 300);
  assert.match(payload.jti, /^[0-9a-f-]{36}$/);
  await assert.rejects(jwtVerify(token, new TextEncoder().encode('another-secret-0123456789abcdef'), { algorithms: ['HS256'] }));
});

test('a fresh jti for every request, retries included', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.failNext(2, 503);
  await push(sandbox);
  await push(sandbox);
  const jtis = await Promise.all(
    sandbox.requests.map(
      async (r) => (await jwtVerify(r.headers.auth, new TextEncoder().encode(sandbox.credentials.clientSecret))).payload.jti,
    ),
  );
  assert.equal(jtis.length, 4);
  assert.equal(new Set(jtis).size, 4);
});

test('a pasted JWT is sent as it is', async (t) => {
  const sandbox = await withSandbox(t);
  const token = await platform.mintToken(sandbox.credentials.clientId, sandbox.credentials.clientSecret);
  const { outcome } = await push(sandbox, { credentials: { kind: 'jwt', token: `  ${token}\n` } });
  assert.equal(outcome.kind, 'success');
  assert.equal(sandbox.requests[0].headers.auth, token);
});

test('redaction: no token or secret in any log line, message or kept response', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.rateLimitNext(1, 0);
  const results = [
    await push(sandbox),
    await push(sandbox, { credentials: clientCredentials(sandbox, { clientSecret: 'wrong-secret-0123456789abcdefXYZ' }) }),
  ];
  const secrets = [sandbox.credentials.clientSecret, 'wrong-secret-0123456789abcdefXYZ', ...sandbox.requests.map((r) => r.headers.auth)];
  assert.equal(sandbox.requests.length, 3);
  const everything = results.flatMap((r) => [...r.logs, r.outcome.message, r.outcome.responseBody ?? '', JSON.stringify(r.progress)]);
  assert.ok(everything.length > 20, 'there is a log to check');
  for (const line of everything) for (const secret of secrets) assert.ok(!line.includes(secret), `leaked in: ${line}`);
  assert.ok(results[0].logs.includes('    auth: <redacted>'));
  assert.ok(results[0].logs.some((l) => l.startsWith('--> PUT http://127.0.0.1:')));
  assert.ok(results[0].logs.some((l) => /^<-- 200 OK in \d+ ms$/.test(l)));
});

test('redaction: a token echoed back by the server is removed from the log and the outcome', async () => {
  let sentToken;
  const echoingFetch = async (_url, init) => {
    sentToken = init.headers.auth;
    return new Response(JSON.stringify({ errors: [{ msg: `bad token ${sentToken}` }] }), { status: 401 });
  };
  const logs = [];
  const outcome = await platform.pushCampaign(
    {
      connection: { id: 'x', name: 'Echo', host: 'platform.kore.ai', iid: 'st-1', accountId: 'a1' },
      credentials: { kind: 'client', clientId: 'cid', clientSecret: 'super-secret-value' },
      campaignId: CAMPAIGN_ID,
      body: validBody(),
    },
    { fetch: echoingFetch, log: (l) => logs.push(l), env: {} },
  );
  assert.ok(sentToken);
  assert.equal(outcome.kind, 'credentials-rejected');
  for (const text of [...logs, outcome.message, outcome.responseBody]) assert.ok(!text.includes(sentToken), text);
  assert.match(outcome.message, /bad token <redacted>/);
});

test('the Redactor hides known secrets and anything shaped like a JWT', () => {
  const r = new platform.Redactor(['hunter2hunter2']);
  assert.equal(r.text('pw=hunter2hunter2; t=eyJhbGciOi.eyJzdWIiOi.sig_-x'), 'pw=<redacted>; t=<redacted>');
  assert.deepEqual(r.headers({ Authorization: 'Bearer x', auth: 'abc', iid: 'st-1' }), {
    Authorization: '<redacted>',
    auth: '<redacted>',
    iid: 'st-1',
  });
});

test('http to a host that is not this machine is refused before anything is sent', async () => {
  let called = false;
  const { outcome } = await push(null, {
    connection: { id: 'x', name: 'Plain', host: 'http://platform.kore.ai', iid: 'st-1', accountId: 'a1' },
    credentials: { kind: 'client', clientId: 'c', clientSecret: 's-123456' },
    fetch: async () => {
      called = true;
      throw new Error('must not be called');
    },
  });
  assert.equal(outcome.kind, 'refused');
  assert.equal(outcome.attempts, 0);
  assert.equal(called, false);
  assert.match(
    outcome.message,
    /http:\/\/ is only allowed to this machine \(127\.0\.0\.1, localhost\); platform\.kore\.ai must use https:\/\//,
  );
});

test('NODE_TLS_REJECT_UNAUTHORIZED=0 stops a push to a real host', async () => {
  let called = false;
  const { outcome } = await push(null, {
    connection: { id: 'x', name: 'Prod', host: 'platform.kore.ai', iid: 'st-1', accountId: 'a1' },
    credentials: { kind: 'client', clientId: 'c', clientSecret: 's-123456' },
    env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' },
    fetch: async () => {
      called = true;
    },
  });
  assert.equal(outcome.kind, 'refused');
  assert.equal(called, false);
  assert.match(outcome.message, /NODE_TLS_REJECT_UNAUTHORIZED=0 is set, which turns off certificate checks/);
});

test('a malformed campaign id is refused before anything is sent', async (t) => {
  const sandbox = await withSandbox(t);
  const { outcome } = await push(sandbox, { campaignId: '../../admin' });
  assert.equal(outcome.kind, 'refused');
  assert.equal(sandbox.requests.length, 0);
  assert.match(outcome.message, /"\.\.\/\.\.\/admin" is not a campaign id: expected "cd-"/);
});

test('host normalisation: bare and https hosts are the same; paths, credentials and http elsewhere are refused', () => {
  const { normaliseHost } = platform;
  assert.equal(normaliseHost('platform.kore.ai').origin, 'https://platform.kore.ai');
  assert.equal(normaliseHost('https://platform.kore.ai').origin, 'https://platform.kore.ai');
  assert.equal(normaliseHost(' https://Platform.Kore.ai/ ').origin, 'https://platform.kore.ai');
  assert.equal(normaliseHost('bots.example.com:8443').origin, 'https://bots.example.com:8443');
  assert.equal(normaliseHost('http://127.0.0.1:4777').origin, 'http://127.0.0.1:4777');
  assert.equal(normaliseHost('http://localhost:4777').loopback, true);
  assert.equal(normaliseHost('http://[::1]:4777').origin, 'http://[::1]:4777');
  assert.throws(() => normaliseHost('http://platform.kore.ai'), /only allowed to this machine/);
  assert.throws(() => normaliseHost('http://127.0.0.1.evil.com'), /only allowed to this machine/);
  assert.throws(() => normaliseHost('https://platform.kore.ai/api'), /without a path/);
  assert.throws(() => normaliseHost('https://user:pw@platform.kore.ai'), /user name or password/);
  assert.throws(() => normaliseHost('ftp://platform.kore.ai'), /not supported: use https/);
  assert.throws(() => normaliseHost(''), /empty/);
});

test('the URL is built from the normalised host, the IID and the campaign id', () => {
  const url = platform.campaignUrl({ host: 'platform.kore.ai', iid: 'st-0603182c-7ffb' }, CAMPAIGN_ID);
  assert.equal(url, `https://platform.kore.ai/agentassist/api/v1/public/st-0603182c-7ffb/campaign/${CAMPAIGN_ID}?campaignType=voice`);
});

test('Retry-After parsing: seconds and HTTP dates', () => {
  const now = Date.parse('2025-06-26T11:00:00Z');
  assert.equal(platform.parseRetryAfter('7', now), 7000);
  assert.equal(platform.parseRetryAfter('Thu, 26 Jun 2025 11:00:05 GMT', now), 5000);
  assert.equal(platform.parseRetryAfter('soon', now), undefined);
  assert.equal(platform.parseRetryAfter(null, now), undefined);
});

test('platform field names become campaign paths', () => {
  assert.deepEqual(
    ['dialingStrategy.callingHours.days.0.start', 'body.priority', '/dialingStrategy/maxRingTime', 'days[1].end'].map((f) =>
      core.normaliseFieldName(f),
    ),
    ['dialingStrategy.callingHours.days[0].start', 'priority', 'dialingStrategy.maxRingTime', 'days[1].end'],
  );
  assert.deepEqual(platform.platformErrors({ errors: [{ msg: 'Bad', code: 4002 }] }), [{ message: 'Bad', code: 4002 }]);
  assert.deepEqual(platform.platformErrors({ message: 'Nope' }), [{ message: 'Nope' }]);
});

test('https to a port that speaks plain http: says so, and for this machine names the http URL', async (t) => {
  const sandbox = await withSandbox(t);
  const { outcome } = await push(sandbox, { connection: connectionFor(sandbox, { host: `127.0.0.1:${sandbox.port}` }) });
  assert.equal(outcome.kind, 'network-error');
  assert.equal(outcome.tls, true);
  assert.equal(sandbox.requests.length, 0, 'nothing reached the server as HTTP');
  assert.equal(
    outcome.message,
    `https://127.0.0.1:${sandbox.port} does not speak TLS (https) on that port (${outcome.code}); nothing was pushed. The local sandbox speaks plain http: use http://127.0.0.1:${sandbox.port}.`,
  );
});

test('a self-signed certificate is refused, never ignored', async (t) => {
  const https = await import('node:https');
  const { execFileSync } = await import('node:child_process');
  const { readFileSync } = await import('node:fs');
  const dir = tempDir('kore-tls-');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${dir}/k.pem`,
        '-out',
        `${dir}/c.pem`,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
  } catch {
    t.skip('openssl is not available to make a self-signed certificate');
    return;
  }
  let reached = false;
  const server = https.createServer({ key: readFileSync(`${dir}/k.pem`), cert: readFileSync(`${dir}/c.pem`) }, (_req, res) => {
    reached = true;
    res.end('{}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const { outcome } = await push(null, {
    connection: { id: 'x', name: 'Self-signed', host: `https://localhost:${server.address().port}`, iid: 'st-1', accountId: 'a1' },
    credentials: { kind: 'client', clientId: 'c', clientSecret: 's-123456' },
  });
  assert.equal(outcome.kind, 'network-error');
  assert.equal(outcome.tls, true);
  assert.equal(reached, false);
  assert.match(
    outcome.message,
    /^The TLS certificate of https:\/\/localhost:\d+ was not accepted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\); nothing was pushed\. Certificate errors are never ignored/,
  );
});
