// The platform's rate limit (page rate-limit-ccai: 60 requests a minute per account, a rolling
// sixty-second window, refusals with one message and no documented status or Retry-After). The
// budget on its own with a clock the test moves (no waiting), then the pipeline over real HTTP
// against a sandbox whose window is scaled down (same shape, milliseconds instead of a minute).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAMPAIGN_ID, clientCredentials, connectionFor, platform, sandboxLib, validBody, withSandbox } from './helpers/push.mjs';

const { RequestBudget, RequestBudgets, RateLimitNotLifted, clampRequestsPerMinute, isRateLimitRefusal, RATE_LIMIT_MESSAGE } = platform;

/** A clock the test moves: sleeps resolve when it passes their time, in order. */
function fakeClock() {
  let now = 0;
  const timers = [];
  const flush = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise((resolve, reject) => {
        const timer = { at: now + ms, resolve };
        timers.push(timer);
        signal?.addEventListener('abort', () => {
          timers.splice(timers.indexOf(timer), 1);
          reject(signal.reason);
        });
      });
    },
    flush,
    /** Move to `to`, waking each sleeper at its own time. */
    async advanceTo(to) {
      await flush();
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        if (!timers.length || timers[0].at > to) break;
        const timer = timers.shift();
        now = Math.max(now, timer.at);
        timer.resolve();
        await flush();
      }
      now = to;
      await flush();
    },
  };
}

test('the budget: never more than the limit inside any window, counting each request from its answer', async () => {
  const clock = fakeClock();
  const budget = new RequestBudget({ requests: 60, windowMs: 60_000, clock });
  const sent = [];
  const answered = [];
  // 150 requests, 4 at a time, each answered 300-900 ms after it was sent (a slow, uneven network).
  let next = 0;
  const worker = async () => {
    while (next < 150) {
      const i = next++;
      const release = await budget.take();
      sent[i] = clock.now();
      await clock.sleep(300 + ((i * 37) % 600));
      answered[i] = clock.now();
      release();
    }
  };
  const workers = Promise.all([worker(), worker(), worker(), worker()]);
  for (let t = 0; t <= 200_000; t += 250) await clock.advanceTo(t);
  await workers;
  const order = sent.map((at, i) => ({ at, answeredAt: answered[i] })).sort((a, b) => a.at - b.at);
  // The platform counts a request on arrival, somewhere between sending and the answer: when a
  // request goes, fewer than 60 of those before it may still count (answered less than a window ago).
  for (let j = 0; j < order.length; j++) {
    const counting = order.slice(0, j).filter((earlier) => earlier.answeredAt + 60_000 > order[j].at).length;
    assert.ok(counting < 60, `request ${j}: ${counting} earlier ones still count`);
  }
  // And no slower than that: the 61st goes the moment the first slot is free (0.25 s steps here).
  const firstFree = Math.min(...order.slice(0, 60).map((r) => r.answeredAt)) + 60_000;
  assert.ok(order[60].at - firstFree <= 250, `the 61st at ${order[60].at}, the first slot free at ${firstFree}`);
  assert.ok(order[120].at < 125_000, `three windows for 150 requests: the last batch at ${order[120].at}`);
});

test('the budget: a refusal holds every request for the window (or Retry-After), then the whole budget is there again', async () => {
  const clock = fakeClock();
  const budget = new RequestBudget({ requests: 10, windowMs: 1000, clock });
  const waits = [];
  budget.take().then((release) => release());
  await clock.flush();
  assert.equal(budget.refused(), 1000, 'no Retry-After: a whole window');
  let went = 0;
  const takes = Array.from({ length: 3 }, () => budget.take(undefined, (w) => waits.push(w)).then((release) => (went++, release())));
  await clock.advanceTo(999);
  assert.equal(went, 0, 'nothing goes while the refusal holds');
  assert.deepEqual(
    waits.map((w) => w.reason),
    ['refused', 'refused', 'refused'],
  );
  await clock.advanceTo(1000);
  await Promise.all(takes);
  assert.equal(went, 3);
  budget.refused(250);
  assert.equal(budget.waitMs, 250, "the platform's Retry-After, when it gives one");
});

test('the budget: after a request gave up, the others of the run stop at once for a window; later ones go again', async () => {
  const clock = fakeClock();
  const budget = new RequestBudget({ requests: 1, windowMs: 1000, clock });
  const held = await budget.take();
  const waiting = budget.take();
  budget.giveUp();
  await assert.rejects(waiting, RateLimitNotLifted);
  await assert.rejects(budget.take(), RateLimitNotLifted);
  held();
  await clock.advanceTo(2001);
  const unsent = await budget.take();
  unsent(false);
  assert.equal(budget.waitMs, 0, 'a slot given back unsent does not count');
  const later = await budget.take();
  later();
  assert.ok(budget.waitMs > 0, 'a sent one counts for the window');
  const abort = new AbortController();
  const cancelled = budget.take(abort.signal);
  abort.abort(new Error('stop'));
  await assert.rejects(cancelled, /stop/);
});

test('the budget per account: one for every app (IID) of an account on a host, another for another account; settings clamped', () => {
  const budgets = new RequestBudgets();
  const a = budgets.for({ host: 'platform.kore.ai', accountId: 'acc-1' }, 60);
  assert.equal(budgets.for({ host: 'https://platform.kore.ai/', accountId: 'acc-1' }, 60), a, 'the same account, spelt another way');
  assert.notEqual(budgets.for({ host: 'platform.kore.ai', accountId: 'acc-2' }, 60), a);
  assert.notEqual(budgets.for({ host: 'de-platform.kore.ai', accountId: 'acc-1' }, 60), a);
  assert.equal(budgets.for({ host: 'platform.kore.ai', accountId: 'acc-1' }, 30).requests, 30, 'a changed setting applies');
  assert.equal(a.describe(), '30 requests a minute');
  assert.deepEqual([0, -5, 61.7, 1e9, 'x', '120', undefined].map(clampRequestsPerMinute), [1, 1, 61, 10_000, 60, 120, 60]);
});

test('a refusal is a 429, or the documented message whatever the status; a success that merely says the words is not', () => {
  const errors = JSON.stringify({ errors: [{ msg: RATE_LIMIT_MESSAGE }] });
  assert.equal(isRateLimitRefusal(429, '{}'), true);
  assert.equal(isRateLimitRefusal(400, errors), true);
  assert.equal(isRateLimitRefusal(503, errors), true);
  assert.equal(isRateLimitRefusal(200, JSON.stringify({ status: 'failure', message: RATE_LIMIT_MESSAGE })), true);
  assert.equal(isRateLimitRefusal(403, RATE_LIMIT_MESSAGE), true, "a gateway's plain text");
  assert.equal(isRateLimitRefusal(400, JSON.stringify({ errors: [{ msg: 'priority must be a string' }] })), false);
  const echo = { status: 'success', data: { description: RATE_LIMIT_MESSAGE } };
  assert.equal(isRateLimitRefusal(200, JSON.stringify(echo)), false);
  assert.equal(isRateLimitRefusal(400, JSON.stringify({ errors: [{ msg: 'Bad', field: 'description' }], echo })), false);
});

const target = (sandbox, extra = {}) => ({ connection: connectionFor(sandbox), credentials: clientCredentials(sandbox), ...extra });
const ids = (n) => Array.from({ length: n }, (_, i) => `cd-7a7e0000-0000-4000-8000-${String(i).padStart(12, '0')}`);

test('paced under the limit: a sandbox enforcing 10 per 400 ms refuses none of 35 concurrent reads, and no faster than the limit allows', async (t) => {
  const sandbox = await withSandbox(t, { campaignIds: ids(35), rateLimit: { requests: 10, windowMs: 400 } });
  const budget = new RequestBudget({ requests: 10, windowMs: 400 });
  const progress = [];
  const started = performance.now();
  const outcomes = await platform.mapConcurrent(ids(35), 4, (campaignId) =>
    platform.getCampaign(target(sandbox, { campaignId }), { budget, onProgress: (p) => progress.push(p) }),
  );
  const elapsed = performance.now() - started;
  assert.deepEqual([...new Set(outcomes.map((o) => o.kind))], ['success']);
  assert.deepEqual(
    sandbox.requests.filter((r) => r.status !== 200),
    [],
    'not one refusal',
  );
  assert.ok(elapsed >= 3 * 400, `35 requests at 10 per 400 ms take at least three windows (${elapsed.toFixed(0)} ms)`);
  const paced = progress.find((p) => p.kind === 'paced');
  assert.match(paced.message, /^Waiting 0\.[1-4] s for Local sandbox's rate limit \(10 requests per 0\.4 s\)$/);
  assert.ok(
    progress.every((p) => p.kind !== 'paced' || p.delayMs >= 100),
    'no "Waiting 0 s"',
  );
});

test('a refusal without Retry-After holds every request for the window, then each is tried again; none fails', async (t) => {
  const sandbox = await withSandbox(t, { campaignIds: ids(12), rateLimit: { requests: 5, windowMs: 500 } });
  // The client's own budget is far above the sandbox's: as if another tool used the account meanwhile.
  const budget = new RequestBudget({ requests: 1000, windowMs: 500 });
  const progress = [];
  const outcomes = await platform.mapConcurrent(ids(12), 4, (campaignId) =>
    platform.getCampaign(target(sandbox, { campaignId }), { budget, onProgress: (p) => progress.push(p) }),
  );
  assert.deepEqual([...new Set(outcomes.map((o) => o.kind))], ['success']);
  const refused = sandbox.requests.filter((r) => r.status === 429);
  assert.ok(refused.length >= 1);
  for (const r of refused) {
    assert.deepEqual(JSON.parse(r.responseBody), { errors: [{ msg: RATE_LIMIT_MESSAGE }] });
    assert.equal(Object.keys(r.headers).includes('retry-after'), false);
  }
  // After the first refusal, nothing new reaches the sandbox until its window has passed: only the
  // requests already on their way (at most the 3 others of the 4 running) may still arrive, however
  // slow this machine is to deliver them.
  const first = refused[0].respondedAt;
  const early = sandbox.requests.filter((r) => r.receivedAt > first && r.receivedAt < first + 450);
  assert.ok(
    early.length <= 3,
    `${early.length} requests arrived within the window after the refusal: ${early.map((r) => r.receivedAt - first)}`,
  );
  const waiting = progress.find((p) => p.kind === 'waiting' && p.rateLimited);
  assert.match(
    waiting.message,
    /^Local sandbox refused the request: its rate limit was reached \(HTTP 429, no Retry-After\); waiting 0\.5 s for the limit's window to pass, then try 2 of 3$/,
  );
});

test('the documented message is a refusal whatever the status (400, 200): retried after the window, a create too, and created once', async (t) => {
  const sandbox = await withSandbox(t, { rateLimit: { requests: 1, windowMs: 300, status: 400 } });
  const budget = new RequestBudget({ requests: 100, windowMs: 300 });
  assert.equal((await platform.getCampaign(target(sandbox, { campaignId: CAMPAIGN_ID }), { budget })).kind, 'success');
  const before = sandbox.campaigns.size;
  const created = await platform.createCampaign(target(sandbox, { body: validBody() }), { budget });
  assert.equal(created.kind, 'success', created.message);
  assert.equal(created.attempts, 2);
  assert.equal(sandbox.campaigns.size, before + 1, 'one campaign, not two');
  assert.deepEqual(
    sandbox.requests.map((r) => r.status),
    [200, 400, 200],
  );
  sandbox.setRateLimit(false);
  sandbox.faults.rateLimitNext(1, null, 200);
  const read = await platform.getCampaign(target(sandbox, { campaignId: CAMPAIGN_ID }), { budget });
  assert.equal(read.kind, 'success');
  assert.equal(read.attempts, 2);
  // A 503 after a create may have created it: never retried (a refusal is not a 503 with other words).
  sandbox.faults.failNext(1, 503);
  assert.equal((await platform.createCampaign(target(sandbox, { body: validBody() }), { budget })).attempts, 1);
});

test('a limit that never lifts: the request gives up with a clear message; the rest of the run is not sent', async (t) => {
  const sandbox = await withSandbox(t, { campaignIds: ids(8) });
  sandbox.faults.rateLimitNext(1000, null);
  const budget = new RequestBudget({ requests: 100, windowMs: 150 });
  const outcomes = await platform.mapConcurrent(ids(8), 2, (campaignId) =>
    platform.getCampaign(target(sandbox, { campaignId }), { budget, retry: { baseDelayMs: 10 } }),
  );
  const refused = outcomes.filter((o) => o.rateLimited === 'refused');
  const notSent = outcomes.filter((o) => o.rateLimited === 'not-sent');
  assert.ok(refused.length >= 1 && refused.length <= 2, JSON.stringify(outcomes.map((o) => o.rateLimited)));
  assert.equal(refused.length + notSent.length, 8);
  assert.equal(refused[0].kind, 'unavailable');
  assert.match(
    refused[0].message,
    /^Local sandbox rate-limited the read \(HTTP 429\); gave up after 3 tries and 0\.3 s of waiting for its rate limit to lift \(You've exceeded the per-minute rate limit\. Please wait for sometime before retrying\.\)\. Try again later\. The limit is per account: other tools using the same account count against it too\.$/,
  );
  assert.match(
    notSent.at(-1).message,
    /^This read was not sent: Local sandbox's rate limit did not lift for another request, which gave up; nothing was read\. Try again later\.$/,
  );
  assert.ok(sandbox.requests.length <= 6, `the run stopped sending (${sandbox.requests.length} requests)`);
});

test('the sandbox: 60 a minute by default, its window configurable, refusals with the documented message and no Retry-After', async (t) => {
  const sandbox = await sandboxLib.startSandbox({ port: 0 });
  t.after(() => sandbox.stop());
  assert.deepEqual(sandbox.rateLimit, { requests: 60, windowMs: 60_000 });
  sandbox.setRateLimit({ requests: 2, windowMs: 200 });
  const budget = new RequestBudget({ requests: 1000, windowMs: 200 });
  const reads = await Promise.all([1, 2, 3].map(() => platform.getCampaign(target(sandbox, { campaignId: CAMPAIGN_ID }), { budget })));
  assert.deepEqual(
    reads.map((r) => r.kind),
    ['success', 'success', 'success'],
  );
  assert.deepEqual(sandbox.requests.map((r) => r.status).sort(), [200, 200, 200, 429]);
});
