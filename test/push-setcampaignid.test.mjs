// Writing the campaignId into the file after a push asked for it: one line, nothing else moves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { core } from './helpers/push.mjs';

const ID = 'cd-ed19e3c7-3682-5e72-a839-af9e07110001';
const apply = (text, id = ID) => {
  const edit = core.setCampaignIdEdit(text, id);
  assert.ok(edit, 'an edit is produced');
  return core.applyTextEdits(text, [edit]);
};

test('adds campaignId as the first key, after the file header comment, keeping every comment', () => {
  const text = [
    '# Billing campaign, owned by team X',
    'name: Billing # shown in the UI',
    '# the queue',
    'queue_name: Default Queue',
    '',
  ].join('\n');
  const edit = core.setCampaignIdEdit(text, ID);
  assert.deepEqual(edit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
  assert.equal(edit.newText, `campaignId: ${ID}\n`);
  assert.equal(
    apply(text),
    [
      '# Billing campaign, owned by team X',
      `campaignId: ${ID}`,
      'name: Billing # shown in the UI',
      '# the queue',
      'queue_name: Default Queue',
      '',
    ].join('\n'),
  );
});

test('a comment that belongs to the first key stays attached to it', () => {
  const text = ['# header', '', '# the display name', 'name: Billing', ''].join('\n');
  assert.equal(apply(text), ['# header', '', `campaignId: ${ID}`, '# the display name', 'name: Billing', ''].join('\n'));
});

test('replaces an existing value in place, keeping its trailing comment and quotes', () => {
  assert.equal(
    apply('name: x\ncampaignId: cd-old-1 # the target\nqueue_name: q\n'),
    `name: x\ncampaignId: ${ID} # the target\nqueue_name: q\n`,
  );
  assert.equal(apply('campaignId: "cd-old-1"\nname: x\n'), `campaignId: "${ID}"\nname: x\n`);
  assert.equal(apply("campaignId: 'cd-old-1'\nname: x\n"), `campaignId: '${ID}'\nname: x\n`);
});

test('fills an empty campaignId:', () => {
  assert.equal(apply('campaignId:\nname: x\n'), `campaignId: ${ID}\nname: x\n`);
  assert.equal(apply('campaignId: # to fill\nname: x\n'), `campaignId: ${ID} # to fill\nname: x\n`);
});

test('keeps CRLF line endings, a document marker and flow mappings', () => {
  assert.equal(apply('name: x\r\nqueue_name: q\r\n'), `campaignId: ${ID}\r\nname: x\r\nqueue_name: q\r\n`);
  assert.equal(apply('---\nname: x\n'), `---\ncampaignId: ${ID}\nname: x\n`);
  assert.equal(apply('{name: x, queue_name: q}\n'), `{campaignId: ${ID}, name: x, queue_name: q}\n`);
});

test('the example file: only the campaignId line changes', () => {
  const original = readFileSync(new URL('../examples/billing-reminder.campaign.yaml', import.meta.url), 'utf8');
  const updated = apply(original, 'cd-00000000-0000-4000-8000-000000000002');
  const a = original.split('\n');
  const b = updated.split('\n');
  assert.equal(a.length, b.length);
  const changed = a.map((line, i) => (line === b[i] ? undefined : i)).filter((i) => i !== undefined);
  assert.equal(changed.length, 1);
  assert.match(b[changed[0]], /^campaignId: cd-00000000-0000-4000-8000-000000000002 # never sent in the body/);
});

test('a file whose top level is not a mapping gets no edit', () => {
  assert.equal(core.setCampaignIdEdit('- a\n- b\n', ID), undefined);
});

test('an empty or comments-only file gets the key after its comments', () => {
  assert.equal(apply(''), `campaignId: ${ID}\n`);
  assert.equal(apply('# todo\n'), `# todo\ncampaignId: ${ID}\n`);
});
