// YAML itself: syntax errors, duplicate keys, tabs, documents, aliases and empty files,
// each reported at the place it occurs (ranges 1-based, as the CLI prints them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, readFixture, summarise } from './helpers/fixtures.mjs';

const CASES = [
  [
    'yaml-alias-bad-value',
    'a bad value through an alias, reported at the alias',
    [
      [
        '9:1-9:9',
        'warning',
        'unknown-key',
        'Unknown key "x-limits": the API does not know it. Known keys here: campaignId, name, description, contactLists, priority, dialingMode, dialingStrategy, schedule, queue_name, enableMachineDetect, maxSkips, campaignType, experienceFlowName.',
      ],
      ['26:16-26:21', 'error', 'range', 'maxRingTime must be between 5 and 120; found 300.'],
    ],
  ],
  [
    'yaml-alias-bomb',
    'an alias bomb is bounded',
    [
      [
        '7:32-7:34',
        'error',
        'yaml-alias-limit',
        'Aliases here expand into too many nodes (more than 100 per alias): the file is not analysed further. Write the values out instead of nesting aliases.',
      ],
    ],
  ],
  ['yaml-alias-ok', 'anchors and aliases are allowed', []],
  [
    'yaml-bad-indent',
    'bad indentation, on the line',
    [['14:1-14:27', 'error', 'yaml-syntax', 'This line is not indented consistently with the lines around it.']],
  ],
  [
    'yaml-comments-only',
    'a comments-only file',
    [
      [
        '1:1-1:1',
        'error',
        'empty-file',
        'This file holds no campaign. A campaign is a mapping of fields such as name, description, contactLists and dialingStrategy (an empty file offers a template on completion).',
      ],
    ],
  ],
  [
    'yaml-deep-nesting',
    'deep nesting is bounded',
    [
      [
        '1:207-1:208',
        'error',
        'yaml-nesting',
        'The file nests deeper than 200 levels; a campaign needs at most 5. It was not analysed further.',
      ],
    ],
  ],
  [
    'yaml-duplicate-key',
    'a duplicate key, on the second key',
    [
      [
        '8:1-8:9',
        'error',
        'duplicate-key',
        'The key "priority" appears more than once in this mapping; the API would receive only one of them. Remove or rename one.',
      ],
    ],
  ],
  [
    'yaml-empty',
    'an empty file',
    [
      [
        '1:1-1:1',
        'error',
        'empty-file',
        'This file holds no campaign. A campaign is a mapping of fields such as name, description, contactLists and dialingStrategy (an empty file offers a template on completion).',
      ],
    ],
  ],
  [
    'yaml-second-document',
    'a second document, at its ---',
    [
      [
        '32:1-32:4',
        'error',
        'yaml-multiple-documents',
        'A campaign file holds one YAML document: this second document would not be pushed. Move it to a file of its own.',
      ],
    ],
  ],
  [
    'yaml-tab-indent',
    'a tab used for indentation, once (no cascade)',
    [['11:1-11:29', 'error', 'yaml-tab', 'Tabs cannot indent YAML: use spaces.']],
  ],
  [
    'yaml-top-level-list',
    'a top level that is a list',
    [['1:1-3:1', 'error', 'not-a-mapping', 'A campaign file must be a mapping of fields (name: ..., description: ...); found a list.']],
  ],
  [
    'yaml-unclosed-quote',
    'an unclosed quote, from the quote',
    [['7:11-7:13', 'error', 'yaml-syntax', 'A closing quote or bracket is missing.']],
  ],
  [
    'yaml-undefined-alias',
    'an undefined alias, where it is used',
    [
      [
        '28:13-28:19',
        'error',
        'yaml-undefined-alias',
        'The alias *queue refers to no anchor: define &queue earlier in the file, or write the value out.',
      ],
    ],
  ],
];

for (const [fixture, rule, expected] of CASES) {
  test(`${rule} (${fixture}.campaign.yaml)`, () => {
    assert.deepEqual(summarise(core.validateText(readFixture(`${fixture}.campaign.yaml`))), expected);
  });
}

test('YAML 1.2: yes/no/on/off are strings, so a boolean field says so', () => {
  const [d] = core.validateText(readFixture('machine-detect-yes.campaign.yaml'));
  assert.match(d.message, /found the string "yes" \(YAML 1\.2 reads yes\/no\/on\/off as strings\)/);
});

test('CRLF line endings: a valid file stays valid and ranges stay on the right line', () => {
  const crlf = readFixture('valid.campaign.yaml').replace(/\n/g, '\r\n');
  assert.deepEqual(core.validateText(crlf), []);
  const broken = readFixture('priority-number.campaign.yaml').replace(/\n/g, '\r\n');
  assert.deepEqual(summarise(core.validateText(broken)), [
    ['7:11-7:12', 'error', 'type', 'priority must be a string "1".."5"; found the number 5.'],
  ]);
});

test('characters outside the BMP count as two UTF-16 units, as LSP positions do', () => {
  const text = readFixture('valid.campaign.yaml').replace('dialingMode: Preview', 'dialingMode: "🎧preview"');
  const [d] = core.validateText(text);
  assert.equal(d.code, 'enum');
  assert.deepEqual(d.range, { start: { line: 7, character: 13 }, end: { line: 7, character: 24 } }); // 13 + the quoted 11 units
});

test('an alias refers to the last anchor of its name before it, as in yaml; one after it does not count', () => {
  const text = [
    'name: &n First',
    'description: *n',
    'priority: &n "2"',
    'campaignId: *n',
    'queue_name: *later',
    'dialingMode: &later Preview',
    '',
  ].join('\n');
  const parsed = core.parseCampaign(text);
  const valueAt = (field) => core.locate(parsed, [field])?.node?.value;
  assert.equal(valueAt('description'), 'First');
  assert.equal(valueAt('campaignId'), '2', 'the second &n, the last before the alias');
  const located = core.locate(parsed, ['campaignId']);
  assert.equal(located.viaAlias, true);
  assert.equal(text.slice(located.reportRange[0], located.reportRange[1]), '*n', 'reported where the alias is used');
  // `*later` comes before its anchor: undefined, reported on the alias.
  const undefinedAliases = core.validateCampaign(parsed).filter((d) => d.code === 'yaml-undefined-alias');
  assert.deepEqual(
    undefinedAliases.map((d) => d.range.start),
    [{ line: 4, character: 12 }],
  );
});
