// Every answer shape Kore.ai's pages document, read by the platform client over real HTTP: create
// per mode (Preview's top-level `id` and `data.campId`; Agentless' and Progressive's whole campaign
// with `data.id`), ids as `_id`, `id` or `campId` in reads and lists, contact lists' campaignInUse
// as ids or `{ id, name }`; and an answer without a usable id, which must write nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAMPAIGN_ID, clientCredentials, connectionFor, platform, sandboxLib, validBody, withSandbox } from './helpers/push.mjs';

const target = (sandbox, extra = {}) => ({ connection: connectionFor(sandbox), credentials: clientCredentials(sandbox), ...extra });
const { queue_name, maxSkips, ...modeless } = validBody();

test("create: the id from each mode's documented answer, whichever shape the platform uses", async (t) => {
  const sandbox = await withSandbox(t, { preparingMs: 60_000 });
  const bodies = {
    Preview: validBody({ name: 'Preview Made' }),
    Agentless: {
      ...structuredClone(modeless),
      name: 'Agentless Made',
      dialingMode: 'Agentless',
      experienceFlowName: 'Voice Survey Entry Flow',
    },
    Progressive: { ...structuredClone(modeless), name: 'Progressive Made', dialingMode: 'Progressive', queue_name },
  };
  for (const [mode, body] of Object.entries(bodies)) {
    const outcome = await platform.createCampaign(target(sandbox, { body }));
    assert.equal(outcome.kind, 'success', `${mode}: ${outcome.message}`);
    assert.equal(sandbox.campaigns.get(outcome.campaignId)?.data.name, body.name, mode);
    const answer = JSON.parse(outcome.responseBody);
    if (mode === 'Preview') assert.deepEqual([answer.id, answer.data], [outcome.campaignId, { campId: outcome.campaignId }]);
    else {
      assert.equal(answer.id, undefined, `${mode}: no top-level id`);
      assert.equal(answer.data.id, outcome.campaignId);
      assert.equal(answer.data.status, 'Preparing');
      assert.equal(answer.data.name, body.name);
    }
    if (mode === 'Agentless') assert.equal(answer.data.experienceFlow, sandboxLib.flowIdFor('Voice Survey Entry Flow'));
  }
  sandbox.faults.answerNext(1, { status: 'success', message: 'Campaign X creation in progress', data: { campId: 'cd-11111111-2222' } });
  const campIdOnly = await platform.createCampaign(target(sandbox, { body: validBody() }));
  assert.equal(campIdOnly.campaignId, 'cd-11111111-2222', '`data.campId` alone is enough');
});

test('create: an answer without a usable id is an error that says nothing was written, and that the campaign may exist', async (t) => {
  const sandbox = await withSandbox(t);
  const answers = [
    { status: 'success', message: 'Campaign X creation in progress', data: {} },
    { status: 'success', id: 'not an id', data: { campId: 42, id: '' } },
    { status: 'success', id: 'cd has spaces' },
    { status: 'success' },
  ];
  for (const answer of answers) {
    sandbox.faults.answerNext(1, answer);
    const outcome = await platform.createCampaign(target(sandbox, { body: validBody() }));
    assert.equal(outcome.kind, 'http-error', JSON.stringify(answer));
    assert.equal(outcome.attempts, 1, 'never sent twice: it may have created the campaign');
    assert.match(
      outcome.message,
      /^Local sandbox answered the create HTTP 200 without a campaign id it can use \(`id`, `data\.campId` or `data\.id`\): nothing was written\. The campaign may or may not have been created: check the platform before creating it again\. The answer: \{/,
    );
  }
  sandbox.faults.answerNext(1, { status: 'failure', message: 'Try later' });
  const failure = await platform.createCampaign(target(sandbox, { body: validBody() }));
  assert.match(failure.message, /^Local sandbox answered the create HTTP 200 without saying success: nothing was written\./);
});

test('reads and lists: the id as `_id`, `id` or `campId`; list results without a usable id are left out and counted', async (t) => {
  const sandbox = await withSandbox(t);
  for (const key of ['_id', 'id', 'campId']) {
    sandbox.faults.readIdAs(key);
    const read = await platform.getCampaign(target(sandbox, { campaignId: CAMPAIGN_ID }));
    assert.equal(read.campaign.id, CAMPAIGN_ID, key);
    sandbox.faults.listIdAs(key);
    const listed = await platform.listCampaigns(target(sandbox));
    assert.equal(listed.kind, 'success');
    assert.equal(listed.campaigns.length, sandbox.campaigns.size, key);
    assert.equal(listed.withoutId, 0);
    assert.ok(
      listed.campaigns.every((c) => sandbox.campaigns.has(c.id)),
      key,
    );
  }
  sandbox.faults.answerNext(1, {
    status: 'success',
    data: {
      results: [{ id: 'cd-aaaa-1', name: 'A' }, { name: 'No id' }, { _id: 17, name: 'A number' }, { campId: 'cd-bbbb-2' }],
      hasMore: false,
    },
  });
  const listed = await platform.listCampaigns(target(sandbox));
  assert.deepEqual(
    listed.campaigns.map((c) => c.id),
    ['cd-aaaa-1', 'cd-bbbb-2'],
  );
  assert.equal(listed.withoutId, 2);
});

test('contact lists: campaignInUse as ids (the v1 page) and as { id, name } (the v2 page), both read as ids', async (t) => {
  const sandbox = await withSandbox(t);
  const seeded = sandbox.contactLists.flatMap((list) => list.campaignInUse);
  assert.ok(seeded.some((entry) => typeof entry === 'string') && seeded.some((entry) => typeof entry === 'object'), 'the seed has both');
  const result = await platform.fetchContactLists(connectionFor(sandbox), clientCredentials(sandbox));
  const byName = new Map(result.lists.map((list) => [list.name, list.campaignInUse]));
  assert.deepEqual(byName.get('Renewals: March'), ['cd-00000000-0000-4000-8000-000000000003']);
  assert.deepEqual(byName.get('#VIP callers'), ['cd-5a4d0000-0000-4000-8000-0000000000a1', 'cd-5eed0000-0000-4000-8000-000000000003']);
  assert.deepEqual(
    platform.contactListsFromAnswer({ data: [{ name: 'L', campaignInUse: [{ name: 'no id' }, 7, null, { _id: 'cd-x-1' }, 'cd-y-2'] }] })[0]
      .campaignInUse,
    ['cd-x-1', 'cd-y-2'],
  );
});
