// Two pushes of one file never overlap on the wire; pushes of different files still do.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { platform, push, sandboxLib, validBody, withSandbox } from './helpers/push.mjs';

test('two pushes of one file are sent one after the other, in the order asked', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.setDelay(150);
  const queue = new platform.KeyedSerializer();
  const first = queue.run('file:///a.campaign.yaml', () => push(sandbox, { body: validBody({ name: 'First' }) }));
  assert.equal(queue.busy('file:///a.campaign.yaml'), true);
  const second = queue.run('file:///a.campaign.yaml', () => push(sandbox, { body: validBody({ name: 'Second' }) }));
  const [a, b] = await Promise.all([first, second]);
  assert.equal(a.outcome.kind, 'success');
  assert.equal(b.outcome.kind, 'success');
  const [r1, r2] = sandbox.requests;
  assert.equal(JSON.parse(r1.body).name, 'First');
  assert.equal(JSON.parse(r2.body).name, 'Second');
  assert.ok(r2.receivedAt >= r1.respondedAt, 'the second request started after the first was answered');
  assert.equal(sandbox.campaigns.get(a.outcome.campaign.id).data.name, 'Second', 'the last push wins');
  assert.equal(queue.busy('file:///a.campaign.yaml'), false);
});

test('a failed push does not block the next one', async (t) => {
  const sandbox = await withSandbox(t);
  const queue = new platform.KeyedSerializer();
  const failing = queue.run('k', async () => {
    throw new Error('boom');
  });
  const next = queue.run('k', () => push(sandbox));
  await assert.rejects(failing, /boom/);
  assert.equal((await next).outcome.kind, 'success');
});

test('pushes of different files run side by side', async (t) => {
  const sandbox = await withSandbox(t);
  sandbox.faults.setDelay(200);
  const queue = new platform.KeyedSerializer();
  const ids = sandboxLib.SANDBOX_CAMPAIGN_IDS;
  await Promise.all([
    queue.run('a', () => push(sandbox, { campaignId: ids[2] })),
    queue.run('b', () => push(sandbox, { campaignId: ids[3] })),
  ]);
  const [r1, r2] = sandbox.requests;
  assert.ok(r2.receivedAt < r1.respondedAt, 'the two requests overlapped');
});
