// Re-parsing only what an edit changed (core/src/incrementalParse.ts) must give exactly
// what a full parse gives: the same syntax tree token for token, the same value, the same
// diagnostics. Each case chains edits, passing the previous parse as the language server
// does, and compares every step with a fresh parse of the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { core } from './helpers/fixtures.mjs';
import { ROOT } from './helpers/lsp-client.mjs';

const { parseCampaign, validateCampaign, validateText, incrementalParseStats, syntaxTreeOf } = core;

/** The concrete syntax tree the documents were composed from, every token with its offset (none when it is not kept). */
function tree(parsed) {
  return JSON.stringify(syntaxTreeOf(parsed) ?? null);
}

/** Every composed node: kind, range, value, comments, blank lines before, anchor and tag. */
function nodes(parsed) {
  const out = [];
  const visit = (node) => {
    if (node === null || typeof node !== 'object') return out.push(node);
    if ('key' in node && 'value' in node && !('range' in node)) {
      out.push('pair');
      visit(node.key);
      visit(node.value);
      return;
    }
    out.push([
      node.constructor?.name,
      node.range,
      node.items ? undefined : node.value,
      node.source,
      node.comment,
      node.commentBefore,
      node.spaceBefore,
      node.anchor,
      node.tag,
      node.type,
    ]);
    if (node.items) node.items.forEach(visit);
  };
  for (const doc of parsed.documents) {
    out.push(['document', doc.range, doc.comment, doc.commentBefore]);
    visit(doc.contents);
  }
  return JSON.stringify(out);
}

function assertSameAsFullParse(text, incremental, label) {
  const full = parseCampaign(text);
  assert.equal(tree(incremental), tree(full), `${label}: syntax tree`);
  assert.equal(nodes(incremental), nodes(full), `${label}: composed nodes`);
  assert.deepEqual(incremental.value, full.value, `${label}: value`);
  assert.deepEqual(
    incremental.documents.map((d) => [d.errors.map((e) => [e.code, e.pos]), d.warnings.map((e) => [e.code, e.pos]), d.range]),
    full.documents.map((d) => [d.errors.map((e) => [e.code, e.pos]), d.warnings.map((e) => [e.code, e.pos]), d.range]),
    `${label}: errors and document ranges`,
  );
  assert.deepEqual(validateCampaign(incremental), validateText(text), `${label}: diagnostics`);
  assert.deepEqual(core.documentSymbols(incremental), core.documentSymbols(full), `${label}: outline`);
}

/** Applies edits one after the other, each parse from the previous one; returns how many were spliced. */
function chain(base, edits, counts = {}) {
  let text = base;
  let parsed = parseCampaign(text);
  const before = incrementalParseStats.spliced;
  const patchedBefore = incrementalParseStats.patched;
  edits.forEach((edit, index) => {
    const previousText = text;
    text = edit(text);
    parsed = parseCampaign(text, parsed);
    try {
      assertSameAsFullParse(text, parsed, `edit ${index + 1}`);
    } catch (error) {
      error.message += `\n--- before ---\n${previousText}\n--- after ---\n${text}`;
      throw error;
    }
  });
  // Of the spliced ones, how many also patched the composed document rather than composing it all.
  counts.patched = (counts.patched ?? 0) + incrementalParseStats.patched - patchedBefore;
  return incrementalParseStats.spliced - before;
}

const replaceLine =
  (pattern, replacement, nth = 0) =>
  (text) => {
    const lines = text.split('\n');
    const hits = lines.map((l, i) => (pattern.test(l) ? i : -1)).filter((i) => i !== -1);
    const index = hits[Math.min(nth, hits.length - 1)];
    assert.ok(index !== undefined, `no line matches ${pattern}`);
    lines[index] = typeof replacement === 'function' ? replacement(lines[index]) : replacement;
    return lines.join('\n');
  };
const insertBefore = (pattern, line, nth = 0) => replaceLine(pattern, (l) => `${line}\n${l}`, nth);
const deleteLine =
  (pattern, nth = 0) =>
  (text) => {
    const lines = text.split('\n');
    const hits = lines.map((l, i) => (pattern.test(l) ? i : -1)).filter((i) => i !== -1);
    lines.splice(hits[Math.min(nth, hits.length - 1)], 1);
    return lines.join('\n');
  };

/** Large enough (over 20,000 characters) for the parser to keep its tree for the next edit. */
function campaign({ days = 200, lists = 300, description = 3 } = {}) {
  const lines = ['# A campaign for the incremental parse tests.', 'name: Renewal Reminder', 'description: |'];
  for (let i = 0; i < description; i++) lines.push(`  Line ${i + 1} of the script.`);
  lines.push('contactLists:');
  for (let i = 0; i < lists; i++) lines.push(`  - List ${i}`, ...(i % 7 === 3 ? ['  # a comment between items', ''] : []));
  lines.push(
    'priority: "3"',
    'dialingMode: Preview',
    '',
    'dialingStrategy:',
    '  callerId:',
    '    phoneNumber: "+18123456789"',
    '  callingHours:',
    '    frequency: WEEKLY',
    '    timezone: Asia/Kolkata',
    '    days:',
  );
  const d = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  for (let i = 0; i < days; i++) {
    if (i % 3 === 0)
      lines.push(`      - { day: ${d[i % 7]}, start: "${1 + Math.floor(i / 7)}:00 AM", end: "${1 + Math.floor(i / 7)}:30 AM" }`);
    else
      lines.push(
        `      # window ${i}`,
        `      - day: ${d[i % 7]}`,
        `        start: "${1 + Math.floor(i / 7)}:00 AM"`,
        `        end: "${1 + Math.floor(i / 7)}:30 AM"`,
        '',
      );
  }
  lines.push(
    '  dialingOrder: FIFO',
    '  maxAttemptsPerRecord: 3',
    '  defaultRetryPeriod: 10 # minutes',
    '  maxRingTime: 30',
    '',
    'schedule:',
    '  isSchedulingEnabled: false',
    '',
    'queue_name: Default Queue',
    'enableMachineDetect: false',
    'maxSkips: 1',
    'campaignType: voice',
    '',
  );
  return lines.join('\n');
}

test('edits inside a long sequence are spliced and equal a full parse', () => {
  const counts = {};
  const spliced = chain(
    campaign(),
    [
      replaceLine(/^ {2}- List 20$/, '  - 42'), // a wrong type in the middle of contactLists
      replaceLine(/^ {2}- 42$/, '  - List 20'),
      insertBefore(/^ {2}- List 25$/, '  - List 25'), // a duplicate list, one line more
      deleteLine(/^ {2}- List 25$/),
      replaceLine(/- day: WE$/, (l) => l.replace('WE', 'XX'), 3), // an enum error in the middle of days
      replaceLine(/- day: XX$/, (l) => l.replace('XX', 'WE')),
      replaceLine(/start: "3:00 AM"/, (l) => l.replace('3:00 AM', '13:00'), 1), // a time format error
      insertBefore(/# window 20$/, '      - { day: MO, start: "9:00 AM", end: "8:00 AM" }'), // a new flow item: time order
      deleteLine(/end: "8:00 AM" }$/),
      replaceLine(/# a comment between items/, '  # another comment', 1), // only a comment changes
    ],
    counts,
  );
  assert.ok(spliced >= 8, `most edits were spliced (${spliced})`);
  assert.ok(counts.patched >= 6, `most spliced edits patched the composed document (${counts.patched})`);
});

test('edits that move sections (lines added or removed above) are spliced and equal a full parse', () => {
  const spliced = chain(campaign(), [
    (t) => `priority: "1"\n${t}`, // a duplicate key at the very top: every section moves down
    (t) => t.slice(t.indexOf('\n') + 1),
    (t) => `# a new header line\n${t}`,
    replaceLine(/^dialingMode: Preview$/, 'dialingMode: Fax'), // a top-level value between sections
    replaceLine(/^dialingMode: Fax$/, 'dialingMode: Preview'),
    insertBefore(/^dialingMode:/, 'maxSkips: 2'), // a duplicate key in the middle
    deleteLine(/^maxSkips: 2$/),
    replaceLine(/^ {2}Line 2 of the script\.$/, '  Line 2 of the script, now longer and longer.'), // inside the description block
    replaceLine(/^name: /, 'name: A much longer name for this campaign that is too long for the API to take'),
  ]);
  assert.ok(spliced >= 7, `most edits were spliced (${spliced})`);
});

test('edits that break or change the structure fall back to a full parse and still equal it', () => {
  chain(campaign({ days: 200, lists: 12 }), [
    replaceLine(/^ {2}- List 5$/, '  - "List 5'), // an unclosed quote
    replaceLine(/^ {2}- "List 5$/, '  - List 5'),
    replaceLine(/^ {2}- List 6$/, '- List 6'), // a dedented item
    replaceLine(/^- List 6$/, '  - List 6'),
    replaceLine(/^ {2}- List 7$/, '\t- List 7'), // a tab
    replaceLine(/^\t- List 7$/, '  - List 7'),
    replaceLine(/^ {2}- List 8$/, '  - [List 8,'), // a flow sequence left open across lines
    replaceLine(/^ {2}- \[List 8,$/, '  - List 8'),
    (t) => `${t}---\nname: second\n`, // a second document
    (t) => t.slice(0, t.indexOf('---\n')),
    replaceLine(/^ {2}- List 9$/, '  - &list List 9'), // anchors and aliases
    replaceLine(/^ {2}- List 10$/, '  - *list'),
    replaceLine(/^ {2}- \*list$/, '  - *nolist'),
    replaceLine(/^ {2}- \*nolist$/, '  - List 10'),
    replaceLine(/^campaignType: voice$/, 'campaignType: sms'), // the last top-level item
    replaceLine(/^ {2}- List 0$/, '  - List zero'), // the first item of a nested sequence
    replaceLine(/^contactLists:$/, 'contactLists: # the lists'),
    (t) => t.replace('dialingStrategy:\n', 'dialingStrategy:\n\n  # strategy\n'),
  ]);
});

test('random edits anywhere equal a full parse', () => {
  const examples = ['billing-reminder.campaign.yaml', 'typical-mistakes.campaign.yaml'].map((f) =>
    readFileSync(path.join(ROOT, 'examples', f), 'utf8'),
  );
  const bases = [campaign(), campaign({ days: 200, lists: 3, description: 1 }), ...examples];
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pieces = ['\n', ' ', '  - x\n', 'a', '#', ':', '- ', '"', '{', '}', '\n  ', 'priority: "2"\n', '      - day: MO\n', '', '', ''];
  let spliced = 0;
  for (const base of bases) {
    const edits = [];
    for (let n = 0; n < 30; n++) {
      const kind = random();
      edits.push((text) => {
        const at = Math.floor(random() * text.length);
        if (kind < 0.4) {
          // Type a character or a snippet, then (next edit) often take it back.
          return text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
        }
        if (kind < 0.7) {
          const lineStart = text.lastIndexOf('\n', at - 1) + 1;
          const lineEnd = text.indexOf('\n', at);
          return text.slice(0, lineStart) + text.slice(lineEnd === -1 ? text.length : lineEnd + 1); // delete a line
        }
        const length = Math.floor(random() * 4);
        return text.slice(0, at) + text.slice(at + length); // delete a few characters
      });
    }
    spliced += chain(base, edits);
  }
  // Random typing soon breaks the YAML, and broken YAML is parsed in full (until it is mended):
  // what counts here is that every step equals a full parse.
  assert.ok(spliced >= 1, `some random edits were spliced (${spliced})`);
});

test('random edits that keep the YAML well formed are spliced and equal a full parse', () => {
  let seed = 777;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const lineEdits = [
    // Type into a value: a letter or digit after the first ': ' or '- ' of a line.
    (lines, i) => {
      const m = /^(\s*(?:- )?[\w ]*: |\s*- )(\S)/.exec(lines[i]);
      if (m) lines[i] = lines[i].slice(0, m[1].length + 1) + pick(['x', '7', 'Q']) + lines[i].slice(m[1].length + 1);
    },
    // Duplicate a line (a list item, a day, a key: often a duplicate key).
    (lines, i) => lines.splice(i, 0, lines[i]),
    // A comment line or a blank line, at the indentation of the line it goes before.
    (lines, i) => {
      if (lines[i].trim()) lines.splice(i, 0, `${/^\s*/.exec(lines[i])[0]}# note ${i}`);
    },
    (lines, i) => lines.splice(i, 0, ''),
    // Remove a list item line.
    (lines, i) => {
      if (/^\s*- [\w ]+$/.test(lines[i])) lines.splice(i, 1);
    },
  ];
  let spliced = 0;
  const counts = {};
  for (const base of [campaign(), campaign({ days: 150, lists: 600, description: 10 })]) {
    const edits = [];
    for (let n = 0; n < 60; n++) {
      const which = pick(lineEdits);
      const at = random();
      edits.push((text) => {
        const lines = text.split('\n');
        which(lines, Math.floor(at * (lines.length - 1)));
        return lines.join('\n');
      });
    }
    spliced += chain(base, edits, counts);
  }
  // Duplicated lines often leave a duplicate key behind, and a document with an error is composed in full.
  assert.ok(counts.patched > 8, `some patched the composed document (${counts.patched})`);
  assert.ok(spliced > 75, `most edits were spliced (${spliced} of 120; ${JSON.stringify(incrementalParseStats.fallbacks)})`);
});

test('CRLF line endings: spliced edits equal a full parse', () => {
  const base = campaign().replace(/\n/g, '\r\n');
  const counts = {};
  const spliced = chain(
    base,
    [
      (t) => t.replace('  - List 150\r\n', '  - 42\r\n'),
      (t) => t.replace('  - 42\r\n', '  - List 150\r\n'),
      (t) => `priority: "1"\r\n${t}`,
      (t) => t.slice(t.indexOf('\n') + 1),
      (t) => t.replace('dialingMode: Preview', 'dialingMode: Fax'),
      (t) => t.replace('      - day: WE\r\n', '      - day: WE\r\n      # inserted\r\n'),
    ],
    counts,
  );
  assert.ok(spliced >= 5, `most edits were spliced (${spliced})`);
});

/** The `days` list of the hardening issue: a blank line and a comment between items, after a long block description. */
function commentedDays({ descriptionLines = 640, windows = ['MO', 'TH', 'TH'], after = ['FR', 'SA', 'SU'] } = {}) {
  const item = (day) => `      - day: ${day}\n        start: 9:00 AM\n        end: 6:00 PM\n`;
  return [
    'name: Renewal Reminder\n',
    'description: |\n',
    ...Array.from({ length: descriptionLines }, (_, i) => `  Line ${i + 1} of the script, long enough to matter.\n`),
    'contactLists:\n  - Renewals\npriority: "3"\ndialingMode: Preview\ndialingStrategy:\n  callerId:\n    phoneNumber: "+18123456789"\n',
    '  callingHours:\n    frequency: WEEKLY\n    timezone: Asia/Kolkata\n    days:\n',
    ...windows.map(item),
    '\n      # comment\n',
    ...after.map(item),
    '  dialingOrder: FIFO\n  maxAttemptsPerRecord: 3\n  defaultRetryPeriod: 10\n  maxRingTime: 30\nschedule:\n  isSchedulingEnabled: false\n',
    'queue_name: Default Queue\nenableMachineDetect: false\nmaxSkips: 1\ncampaignType: voice\n',
  ].join('');
}

test('Enter at the start of a comment line between items: the comment stays with the item a full parse gives it', () => {
  const base = commentedDays();
  assert.ok(base.length > 20_000, 'large enough to be parsed incrementally');
  const at = (column) => (text) => {
    const offset = text.indexOf('      # comment') + column;
    return text.slice(0, offset) + '\n      ' + text.slice(offset);
  };
  for (const column of [0, 1, 6]) chain(base, [at(column)]);
  // The duplicate TH window's fix deletes the same lines as after a fresh parse.
  const text = at(0)(base);
  const incremental = parseCampaign(text, parseCampaign(base));
  const fix = validateCampaign(incremental).find((d) => d.code === 'duplicate-window').fixes[0].edits[0];
  assert.deepEqual(fix, validateText(text).find((d) => d.code === 'duplicate-window').fixes[0].edits[0]);
});

test("an edit that makes yaml open a mapping at the line's own indentation (`k: v#: v`) is parsed as a fresh parse reads it", () => {
  // Found by `npm run fuzz`: the lines after the edit continue that mapping in the whole file, never in a fragment.
  const base = `name: x\n${'k: v\n'.repeat(5000)}`;
  chain(base, [
    (t) => {
      const at = t.indexOf('k: v\n', t.length / 2) + 4;
      return `${t.slice(0, at)}#${t.slice(at + 2)}`;
    },
  ]);
});

/** Random edits of the kinds an author makes (typing, Enter with indentation, comments at any depth, indenting, deleting), each compared with a fresh parse. */
function differential(base, count, seed) {
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const lineStartNear = (text, at) => text.lastIndexOf('\n', at - 1) + 1;
  const kinds = [
    (text, at) => text.slice(0, at) + pick(['\n', '\n  ', '\n    ', '\n      ', '\n        ', '\n\n']) + text.slice(at), // Enter, with the editor's indentation
    (text, at) => {
      const start = lineStartNear(text, at);
      return (
        text.slice(0, start) + ' '.repeat(pick([0, 2, 4, 6, 8, 10, 12])) + `# note ${Math.floor(random() * 100)}\n` + text.slice(start)
      ); // a comment line at any depth
    },
    (text, at) => text.slice(0, at) + pick([' # trailing', '#', ' ']) + text.slice(at),
    (text, at) => {
      const start = lineStartNear(text, at);
      return random() < 0.5
        ? `${text.slice(0, start)}  ${text.slice(start)}`
        : text.slice(0, start) + text.slice(start).replace(/^ {1,2}/, ''); // indent or dedent a line
    },
    (text, at) => text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3)), // Delete
    (text, at) =>
      text.slice(0, at) +
      pick(['x', '7', '- ', ': ', 'day: MO', '\n      - day: TU\n        start: 9:00 AM\n        end: 5:00 PM']) +
      text.slice(at),
    (text, at) => {
      const start = lineStartNear(text, at);
      const end = text.indexOf('\n', at);
      return text.slice(0, start) + text.slice(end === -1 ? text.length : end + 1); // delete a line
    },
  ];
  // Most edits land in the days list, where a 5,000-line file has its lines. Every third edit
  // is undone, as an author undoes a slip: broken YAML is parsed in full until it is mended.
  let undo = [];
  const edits = Array.from({ length: count }, (_, n) => {
    if (n % 3 === 2) return () => undo.pop();
    const kind = pick(kinds);
    const where = random();
    return (text) => {
      undo.push(text);
      const daysStart = text.indexOf('    days:');
      const from = daysStart === -1 || where < 0.2 ? 0 : daysStart;
      return kind(text, from + Math.floor(((where * 7919) % 1) * (text.length - from)));
    };
  });
  undo = [];
  return chain(base, edits);
}

test('differential: random edit sequences on small files equal a fresh parse (diagnostics, fixes, outline)', () => {
  for (const [index, base] of [
    commentedDays({ descriptionLines: 20 }),
    readFileSync(path.join(ROOT, 'examples', 'billing-reminder.campaign.yaml'), 'utf8'),
  ].entries()) {
    differential(base, 150, 4242 + index);
  }
});

test('differential: random edit sequences on a 5,000-line file equal a fresh parse, most of them spliced', () => {
  const days = Array.from({ length: 1700 }, (_, i) => ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][i % 7]);
  const base = commentedDays({ descriptionLines: 10, windows: days.slice(0, 850), after: days.slice(850) });
  assert.ok(base.split('\n').length >= 5000);
  const spliced = differential(base, 36, 99);
  // Most random edits break the YAML, and broken YAML is parsed in full until it is mended:
  // the point is the equality above; this only checks the splice was exercised at all.
  assert.ok(spliced >= 2, `some edits were spliced (${spliced})`);
});

test("only a clean large file's parse can be re-parsed from (the server drops any other before parsing again)", () => {
  const windows = Array.from(
    { length: 2000 },
    (_, i) => `      - day: MO\n        start: ${1 + (i % 9)}:00 AM\n        end: 5:00 PM\n`,
  ).join('');
  const clean = `name: Large\ndialingStrategy:\n  callingHours:\n    days:\n${windows}`;
  assert.ok(clean.length > 20_000);
  assert.equal(core.canReparseFrom(parseCampaign(clean)), true);
  assert.equal(core.canReparseFrom(parseCampaign(`${clean}bad: [unclosed\n`)), false, 'YAML errors: no tree kept');
  assert.equal(core.canReparseFrom(parseCampaign('name: Small\n')), false, 'small files keep no tree');
});

test('an edit that breaks its own item goes straight to a full parse (the spliced tree is not composed first), with the same result', () => {
  const windows = Array.from(
    { length: 2000 },
    (_, i) => `      - day: MO\n        start: ${1 + (i % 9)}:00 AM\n        end: 5:00 PM\n`,
  ).join('');
  const text = `name: Large\ndialingStrategy:\n  callingHours:\n    days:\n${windows}`;
  const previous = parseCampaign(text);
  // `start: 3:00 AM` -> `start:x3:00 AM`: a key with no value, inside one window.
  const at = text.indexOf('start: 3:00 AM', text.length / 2) + 'start'.length;
  const broken = `${text.slice(0, at)}:x${text.slice(at + 2)}`;
  const before = incrementalParseStats.fallbacks['YAML errors in the edited items'] ?? 0;
  const reparsed = parseCampaign(broken, previous);
  assert.equal(incrementalParseStats.fallbacks['YAML errors in the edited items'], before + 1);
  assertSameAsFullParse(broken, reparsed, 'broken window');
  assert.ok(validateCampaign(reparsed).some((d) => d.code === 'yaml-syntax'));
});
