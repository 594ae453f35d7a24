// Hostile files: each yields diagnostics or none, never a crash, a hang, or a server that stops answering.
// The per-test timeout guards against hangs; it is not a performance assertion (see `npm run bench`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServer } from './helpers/lsp-client.mjs';
import { core, readFixture } from './helpers/fixtures.mjs';

const HANG_GUARD = { timeout: 30_000 };

function bigCampaign(lines) {
  const base = readFixture('valid.campaign.yaml');
  const lists = Array.from({ length: lines }, (_, i) => `  - Contact list ${i}`).join('\n');
  return base.replace('  - Recent Buyers - Q2 2025', lists);
}

const HOSTILE = {
  'an alias bomb': readFixture('yaml-alias-bomb.campaign.yaml'),
  'deep flow nesting': `name: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
  'deep block nesting': Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
  'deep list nesting': `${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- `).join('\n')}x`,
  'binary bytes': Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
  'NUL and control characters': 'name: "a\u0000b"\ndescription: \u0007\u001b[31m\n',
  'an empty file': '',
  'a lone BOM': '\uFEFF',
  'only a document marker': '---\n',
  'a 50,000-line campaign': bigCampaign(50_000),
  'a 1 MB single line': `name: ${'x'.repeat(1_000_000)}\n`,
};

const server = sharedServer();

for (const [name, text] of Object.entries(HOSTILE)) {
  test(`core: ${name} gives diagnostics or none, without throwing`, HANG_GUARD, () => {
    const diagnostics = core.validateText(text);
    assert.ok(Array.isArray(diagnostics));
    for (const d of diagnostics) {
      assert.equal(typeof d.message, 'string');
      assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0);
    }
  });

  test(`server: ${name}, and the server still answers afterwards`, HANG_GUARD, async () => {
    const uri = `file:///hostile/${encodeURIComponent(name)}.campaign.yaml`;
    const diagnostics = await server.open(uri, text);
    assert.ok(Array.isArray(diagnostics));
    // Still alive: a valid file right after gets its (empty) diagnostics.
    assert.deepEqual(await server.open(`file:///hostile/after-${encodeURIComponent(name)}.campaign.yaml`, readFixture('valid.campaign.yaml')), []);
  });
}

test('the alias bomb is reported at an alias, not silently accepted', () => {
  const [d] = core.validateText(HOSTILE['an alias bomb']);
  assert.equal(d.code, 'yaml-alias-limit');
});

test('deep nesting is reported, not analysed', () => {
  const [d] = core.validateText(HOSTILE['deep flow nesting']);
  assert.equal(d.code, 'yaml-nesting');
});

test('the 50,000-line campaign is analysed in full: a mistake at its end is found', HANG_GUARD, () => {
  const text = bigCampaign(50_000).replace('campaignType: voice', 'campaignType: sms');
  const diagnostics = core.validateText(text);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range.start.line]),
    [['campaign-type', text.split('\n').findIndex((l) => l.startsWith('campaignType:'))]],
  );
});
