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
    assert.deepEqual(
      await server.open(`file:///hostile/after-${encodeURIComponent(name)}.campaign.yaml`, readFixture('valid.campaign.yaml')),
      [],
    );
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

// Reproducers from the hardening issue (#10): each ran for seconds (or threw) before its fix.
// The time limits are far above what the fixed code takes and far below what the broken code took;
// they are CPU time, so a busy machine does not make them fail.
const timed = (fn) => {
  const started = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(started);
  return { result, ms: (used.user + used.system) / 1000 };
};
const endOfLine = (text, line = 0) => ({ line, character: text.split('\n')[line].length });

test('completion after 100,000 open brackets answers at once, without a stack overflow', HANG_GUARD, async () => {
  const text = `name: ${'['.repeat(100_000)}\n`;
  const parsed = core.parseCampaign(text);
  const { result, ms } = timed(() => core.completeAt(parsed, endOfLine(text)));
  assert.deepEqual(result.items, []);
  assert.ok(ms < 1000, `took ${ms} ms`);
  for (const method of ['textDocument/completion', 'textDocument/hover']) {
    const uri = `file:///hostile/brackets-${method.split('/')[1]}.campaign.yaml`;
    await server.open(uri, text);
    await server.request(method, { textDocument: { uri }, position: endOfLine(text) });
  }
});

test('regexes over user text stay linear: a 200,000-character word, 100,000 tabs, 300,000 spaces', HANG_GUARD, () => {
  const word = 'a'.repeat(200_000);
  const completion = timed(() => core.completeAt(core.parseCampaign(`${word}\n`), endOfLine(word)));
  assert.ok(completion.ms < 1000, `completion took ${completion.ms} ms`);
  for (const text of [
    `name:${'\t'.repeat(100_000)}\n`,
    `name:${' '.repeat(300_000)}x\n  bad: indent\n`,
    `name: x${' '.repeat(300_000)}#\n`,
  ]) {
    const { result, ms } = timed(() => core.validateText(text));
    assert.ok(result.length > 0);
    assert.ok(ms < 1000, `validation took ${ms} ms`);
  }
});

test('a million quotes: YAML errors are capped, and the last diagnostic says how many more there were', HANG_GUARD, () => {
  const text = `name: ${'"'.repeat(1_000_000)}\n`;
  const parsed = core.parseCampaign(text);
  assert.ok(parsed.document.errors.length <= core.PARSE_LIMITS.maxYamlErrors, `kept ${parsed.document.errors.length} errors`);
  assert.equal(parsed.yamlErrorsOmitted, 499_999 - core.PARSE_LIMITS.maxYamlErrors);
  const diagnostics = core.validateText(text);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['yaml-syntax', 'yaml-too-many-problems'],
  );
  assert.match(
    diagnostics[1].message,
    /^499,\d{3} more YAML problems were found after these and not listed\. Fix the first ones: most of the rest usually follow from them\.$/,
  );
});

test('20,000 repeated keys: the duplicate-key diagnostics are capped too', HANG_GUARD, () => {
  const text = Array.from({ length: 20_001 }, () => 'name: x').join('\n');
  const diagnostics = core.validateText(text);
  const cap = core.PARSE_LIMITS.maxYamlErrors;
  assert.equal(diagnostics.length, cap + 1);
  assert.equal(diagnostics.filter((d) => d.code === 'duplicate-key').length, cap);
  assert.equal(diagnostics.at(-1).code, 'yaml-too-many-problems');
  assert.match(diagnostics.at(-1).message, new RegExp(`^${(20_000 - cap).toLocaleString('en-US')} more YAML problems`));
});

test('merge keys are reported as unsupported under their own code; outline, hover, folding and completion never throw', () => {
  const base = readFixture('valid.campaign.yaml');
  const texts = [
    base.replace('        end: 6:00 PM\n      - day: TU', '        !!merge end: 6:00 PM\n      - day: TU'),
    base.replace('      - day: TU\n', '      - <<: { day: TU }\n        day: TU\n'),
    base.replace('schedule:\n', 'schedule:\n  <<: { isSchedulingEnabled: true }\n'),
    base.replace('      - day: TU\n', '      - !!merge <<: { day: TU }\n        day: TU\n'),
  ];
  for (const text of texts) {
    const parsed = core.parseCampaign(text);
    const diagnostics = core.validateCampaign(parsed);
    const merge = diagnostics.find((d) => d.code === 'yaml-merge-key');
    assert.ok(merge, `no merge-key diagnostic in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.equal(merge.severity, 'error');
    assert.match(
      merge.message,
      /^Merge keys \(<<, !!merge\) are not supported: the API reads this file as JSON, where << is an ordinary key\. Write the fields out\.$/,
    );
    assert.ok(!diagnostics.some((d) => d.code === 'yaml-alias-limit'));
    core.documentSymbols(parsed);
    core.foldingRanges(parsed);
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (const character of [0, Math.floor(lines[line].length / 2), lines[line].length]) {
        core.hoverAt(parsed, { line, character });
        core.completeAt(parsed, { line, character });
      }
    }
  }
});

test('CR-only line endings are line endings: the file is read, not "empty"', () => {
  const text = readFixture('valid.campaign.yaml').replace(/\n/g, '\r');
  assert.deepEqual(core.validateText(text), []);
  const broken = text.replace('priority: "5"', 'priority: 5');
  assert.deepEqual(
    core.validateText(broken).map((d) => [d.code, d.range.start.line]),
    [['type', 6]],
  );
});

test('an oversized document gets one diagnostic instead of a parse', HANG_GUARD, async () => {
  const limit = core.MAX_CAMPAIGN_FILE_BYTES;
  assert.equal(limit, 5 * 1024 * 1024);
  const text = `name: x\ndescription: ${'y'.repeat(limit)}\n`;
  const diagnostics = await server.open('file:///hostile/oversized.campaign.yaml', text);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'file-too-large');
  assert.match(
    diagnostics[0].message,
    /^This file is 5\.0 MB; campaign files are a few kilobytes, and files over 5 MB are not analysed\.$/,
  );
  assert.deepEqual(diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
});

test('a document of more lines than a campaign file can have gets one diagnostic instead of a parse', HANG_GUARD, async () => {
  // Found by `npm run fuzz`: 850,000 empty lines (under the size limit) cost yaml's lexer over a second per keystroke.
  assert.equal(core.MAX_CAMPAIGN_FILE_LINES, 100_000);
  const text = `name: x\n${'\n'.repeat(850_000)}description: y\n`;
  const { result, ms } = timed(() => core.validateText(text));
  assert.deepEqual(
    result.map((d) => d.code),
    ['file-too-large'],
  );
  assert.ok(ms < 200, `took ${ms} ms of CPU time`);
  const diagnostics = await server.open('file:///hostile/many-lines.campaign.yaml', text);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'file-too-large');
  assert.equal(
    diagnostics[0].message,
    'This file has 850,003 lines; campaign files have a few hundred, and files over 100,000 lines are not analysed.',
  );
  // At the limit the file is read as usual.
  const atLimit = `name: x\n${'\n'.repeat(99_990)}description: y\n`;
  assert.ok(!core.validateText(atLimit).some((d) => d.code === 'file-too-large'));
});

test('a document of more YAML marks than a campaign file can have gets one diagnostic instead of a parse', HANG_GUARD, async () => {
  // Found by `npm run fuzz`: a megabyte of `x: ` on one line is 1.4 million tokens for yaml's lexer, well over a second.
  assert.equal(core.MAX_CAMPAIGN_FILE_MARKS, 200_000);
  const text = `name: x\ndescription: ${'x: '.repeat(300_000)}\n`;
  const { result, ms } = timed(() => core.validateText(text));
  assert.deepEqual(
    result.map((d) => d.code),
    ['file-too-large'],
  );
  assert.ok(ms < 200, `took ${ms} ms of CPU time`);
  const diagnostics = await server.open('file:///hostile/many-marks.campaign.yaml', text);
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    [
      'This file has more than 200,000 YAML marks (colons, commas, dashes, brackets, line breaks); campaign files have a few thousand, and files with more are not analysed.',
    ],
  );
  // A megabyte of stray closing braces: each one is an error token (1.4-1.8 s of CPU in the fuzz run).
  assert.deepEqual(
    core.validateText(`name: x\n${'}'.repeat(1_000_000)}\n`).map((d) => d.code),
    ['file-too-large'],
  );
  // A 50,000-line calling-hours list (as in the benchmark) has about half as many, and is read as usual.
  const windows = Array.from(
    { length: 16_000 },
    (_, i) => `      - day: ${['MO', 'TU', 'WE', 'TH', 'FR'][i % 5]}\n        start: 9:00 AM\n        end: 9:30 AM`,
  ).join('\n');
  const long = readFixture('valid.campaign.yaml').replace(/days:\n(?:\s+- .*\n(?:\s+(?:start|end): .*\n)*)+/, `days:\n${windows}\n`);
  assert.ok(long.length > 500_000, `the long file is ${long.length} characters`);
  assert.ok(!core.validateText(long).some((d) => d.code === 'file-too-large'));
});

test("50,000 distinct keys in one mapping are checked for duplicates in linear time (yaml's own check is quadratic)", HANG_GUARD, () => {
  // Found by `npm run fuzz`: yaml's uniqueKeys compares each key with every key before it.
  const keys = Array.from({ length: 50_000 }, (_, i) => `key${i}: v`);
  const { result, ms } = timed(() => core.validateText([...keys, 'key7: again', ''].join('\n')));
  assert.ok(ms < 8000, `took ${ms} ms of CPU time`);
  const duplicates = result.filter((d) => d.code === 'duplicate-key');
  assert.deepEqual(
    duplicates.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]),
    [[50_000, 0, 4]],
  );
  assert.match(duplicates[0].message, /^The key "key7" appears more than once in this mapping/);
  // Without the duplicate, every key is checked by the campaign rules (each an unknown key), also in linear time.
  const rules = timed(() => core.validateText([...keys, ''].join('\n')));
  assert.ok(rules.ms < 8000, `took ${rules.ms} ms of CPU time`);
  assert.equal(rules.result.filter((d) => d.code === 'unknown-key').length, 50_000);
});
