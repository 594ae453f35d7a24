// The sandbox and VS Code in the browser: cross-origin calls (CORS) are answered only for the
// web page origins it was started with (`allowOrigins`, `kore-campaign sandbox --allow-origin`),
// as a platform that allows an editor's origin would; any other origin's preflight is refused,
// which is what the browser run's "plain message" case meets. Real HTTP, the browser's headers.
import assert from 'node:assert/strict';
import test from 'node:test';
import { runCliWith } from './helpers/cli.mjs';
import { CAMPAIGN_ID, sandboxLib, withSandbox } from './helpers/push.mjs';

const PAGE = 'http://127.0.0.1:8080';
const OTHER_PAGE = 'http://localhost:9999';

function campaignUrl(sandbox) {
  return `${sandbox.url}/agentassist/api/v1/public/${sandbox.credentials.iid}/campaign/${CAMPAIGN_ID}`;
}

/** What a browser sends before a GET with the platform's headers. */
function preflight(sandbox, origin) {
  return fetch(campaignUrl(sandbox), {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'accountid,auth,iid' },
  });
}

test('an allowed origin: the preflight is answered (204) with the methods and the asked headers, and the answer is readable', async (t) => {
  const sandbox = await withSandbox(t, { allowOrigins: [PAGE] });
  const answer = await preflight(sandbox, PAGE);
  assert.equal(answer.status, 204);
  assert.equal(answer.headers.get('access-control-allow-origin'), PAGE);
  assert.match(answer.headers.get('access-control-allow-methods'), /GET/);
  assert.match(answer.headers.get('access-control-allow-methods'), /PUT/);
  assert.equal(answer.headers.get('access-control-allow-headers'), 'accountid,auth,iid');
  assert.equal(await answer.text(), '');
  // The call itself (refused for its missing token, as any): the page may read that answer too.
  const call = await fetch(campaignUrl(sandbox), { headers: { Origin: PAGE } });
  assert.equal(call.status, 401);
  assert.equal(call.headers.get('access-control-allow-origin'), PAGE);
  assert.match(call.headers.get('access-control-expose-headers'), /Retry-After/);
});

test('another origin, or a sandbox started without origins: no CORS headers, so the browser refuses the call', async (t) => {
  const allowing = await withSandbox(t, { allowOrigins: [PAGE] });
  const other = await preflight(allowing, OTHER_PAGE);
  assert.notEqual(other.status, 204);
  assert.equal(other.headers.get('access-control-allow-origin'), null);
  const plain = await withSandbox(t);
  const refused = await preflight(plain, PAGE);
  assert.notEqual(refused.status, 204);
  assert.equal(refused.headers.get('access-control-allow-origin'), null);
  assert.equal((await fetch(campaignUrl(plain), { headers: { Origin: PAGE } })).headers.get('access-control-allow-origin'), null);
});

test('an origin must be exactly one: a path, a wildcard or a bare word is refused', async () => {
  for (const bad of ['http://127.0.0.1:8080/path', '*', 'localhost']) {
    await assert.rejects(sandboxLib.startSandbox({ port: 0, allowOrigins: [bad] }), /is not a web page origin/);
    const cli = await runCliWith(['sandbox', '--port', '0', '--allow-origin', bad]);
    assert.equal(cli.code, 2, cli.stderr);
    assert.match(cli.stderr, /--allow-origin takes a web page origin \(scheme, host and port, as http:\/\/127\.0\.0\.1:8080\), not "/);
  }
});
