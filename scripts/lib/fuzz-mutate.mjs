// Seeded mutations of the campaign fixtures for `npm run fuzz`: each input is a function of
// (seed, index) alone, so any input can be made again from the two numbers in a report.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { mulberry32 } from './mulberry32.mjs';

/** Inputs are cut to this size by default: the targets are stated for inputs up to 1 MB. */
export const MAX_INPUT_CHARS = 1024 * 1024;

/** The generator for one input: a function for [0, 1), with `int(n)` and `pick(list)`. */
export function rng(seed) {
  const next = mulberry32(seed);
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[next.int(list.length)];
  return next;
}

/** Every campaign file the project keeps as a fixture or example. */
export function loadCorpus(root) {
  const dirs = ['test/fixtures', 'test/fixtures/authoring', 'examples'];
  const files = [];
  for (const dir of dirs) {
    let names = [];
    try {
      names = readdirSync(path.join(root, dir));
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.campaign.yaml')).sort())
      files.push({ name: `${dir}/${name}`, text: readFileSync(path.join(root, dir, name), 'utf8') });
  }
  return files;
}

const SNIPPETS = [
  '\n',
  ' ',
  '  ',
  '\t',
  '-',
  '- ',
  ':',
  ': ',
  '#',
  ' #',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '*b',
  '!!merge ',
  '<<: ',
  '<<: { day: MO }',
  '!!str ',
  '!!int ',
  '!tag ',
  '|',
  '>-',
  '---\n',
  '...\n',
  '\r',
  '\r\n',
  '\u0000',
  '\uFEFF',
  '\u2028',
  'é',
  '😀',
  '\ud800',
  '%YAML 1.2\n',
  '? ',
  '@',
  '`',
  'day: MO',
  'start: 9:00 AM',
  'end: 18:00',
  '      - day: TU\n        start: 9:00 AM\n        end: 5:00 PM\n',
  'timezone: ',
  'name: ',
  'campaignId: cd-1',
  'priority: 5',
  'dialingMode: ',
  '  callingHours:\n',
  '\n      # comment\n',
  '~',
  'null',
  '1e400',
  '-0',
  '0x1F',
  '.inf',
  '"\\u00',
  "'it''s'",
  '{ day: MO, start: "9:00 AM", end: "5:00 PM" }',
  '[a, [b, {c: d}]]',
];

const REPEATED = [
  '[',
  '{',
  '"',
  "'",
  '\t',
  ' ',
  '-',
  'a',
  '#',
  '\n',
  '- ',
  'x: ',
  '&a ',
  '!a ',
  ']',
  '}',
  ':',
  '\\',
  '\r',
  '- [',
  'k: v\n',
  '  - x\n',
  '*a ',
];

const VALUES = [
  '',
  '~',
  'null',
  'true',
  'no',
  '0',
  '-1',
  '99999999999999999999',
  '1.5',
  '"+1"',
  "'09:00 AM'",
  'MO',
  'Asia/Kolkata',
  'x'.repeat(6000),
  '[]',
  '{}',
  '*nope',
  '&x v',
];

/** The input numbered `index` for `seed`: 1 to 4 mutations of one corpus file, at most `maxChars` long. */
export function makeInput(corpus, seed, index, maxChars = MAX_INPUT_CHARS) {
  const random = rng(seed * 1_000_003 + index);
  const base = random.pick(corpus);
  let text = base.text;
  const applied = [];
  const count = 1 + random.int(4);
  for (let n = 0; n < count; n++) {
    const mutation = random.pick(MUTATIONS);
    text = mutation.apply(text, random, corpus, maxChars);
    applied.push(mutation.name);
    if (text.length > maxChars) text = text.slice(0, maxChars);
  }
  return { text, base: base.name, mutations: applied };
}

const at = (text, random) => random.int(text.length + 1);
const lineBounds = (text, offset) => {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return [start, end === -1 ? text.length : end];
};

const MUTATIONS = [
  {
    name: 'insert',
    weight: 6,
    apply: (t, r) => {
      const i = at(t, r);
      return t.slice(0, i) + r.pick(SNIPPETS) + t.slice(i);
    },
  },
  {
    name: 'delete',
    weight: 4,
    apply: (t, r) => {
      const i = at(t, r);
      return t.slice(0, i) + t.slice(i + 1 + r.int(20));
    },
  },
  {
    name: 'delete-line',
    weight: 2,
    apply: (t, r) => {
      const [s, e] = lineBounds(t, at(t, r));
      return t.slice(0, s) + t.slice(e + 1);
    },
  },
  {
    name: 'duplicate-line',
    weight: 2,
    apply: (t, r) => {
      const [s, e] = lineBounds(t, at(t, r));
      return t.slice(0, e) + `\n${t.slice(s, e)}`.repeat(1 + r.int(5)) + t.slice(e);
    },
  },
  {
    name: 'indent',
    weight: 3,
    apply: (t, r) => {
      const [s] = lineBounds(t, at(t, r));
      const change = r.int(3);
      if (change === 0) return `${t.slice(0, s)}${' '.repeat(1 + r.int(4))}${t.slice(s)}`;
      if (change === 1) return `${t.slice(0, s)}\t${t.slice(s)}`;
      return t.slice(0, s) + t.slice(s).replace(/^ {1,4}/, '');
    },
  },
  {
    name: 'value',
    weight: 3,
    apply: (t, r) => {
      const lines = t.split('\n');
      const i = r.int(lines.length);
      lines[i] = lines[i].replace(/(:\s*|-\s+)\S.*$/, (_m, lead) => lead + r.pick(VALUES));
      return lines.join('\n');
    },
  },
  {
    name: 'swap-lines',
    weight: 1,
    apply: (t, r) => {
      const l = t.split('\n');
      const a = r.int(l.length);
      const b = r.int(l.length);
      [l[a], l[b]] = [l[b], l[a]];
      return l.join('\n');
    },
  },
  {
    name: 'splice',
    weight: 1,
    apply: (t, r, corpus) => {
      const o = r.pick(corpus).text;
      const s = r.int(o.length);
      const i = at(t, r);
      return t.slice(0, i) + o.slice(s, s + r.int(400)) + t.slice(i);
    },
  },
  { name: 'truncate', weight: 1, apply: (t, r) => t.slice(0, at(t, r)) },
  { name: 'line-endings', weight: 1, apply: (t, r) => t.replace(/\n/g, r.pick(['\r', '\r\n', '\n\n'])) },
  {
    name: 'repeat',
    weight: 1,
    apply: (t, r, _corpus, maxChars) => {
      // Mostly short runs; one in ten fills the input up to its size limit (deep nesting, long lines, floods of errors).
      const unit = r.pick(REPEATED);
      const times = r() < 0.9 ? 1 + r.int(2000) : 1 + r.int(Math.max(1, Math.floor((maxChars - t.length) / unit.length)));
      const i = at(t, r);
      return t.slice(0, i) + unit.repeat(Math.max(0, times)) + t.slice(i);
    },
  },
  {
    name: 'grow-days',
    weight: 1,
    apply: (t, r) => {
      const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
      // Mostly a few hundred windows; one in ten is a file of up to 50,000 lines.
      const n = 100 + r.int(r() < 0.1 ? 16_500 : 1_000);
      const block = Array.from(
        { length: n },
        (_, k) => `      - day: ${days[k % 7]}\n        start: ${1 + (k % 11)}:00 AM\n        end: ${1 + (k % 11)}:30 PM\n`,
      ).join('');
      const i = t.indexOf('    days:\n');
      return i === -1 ? t : t.slice(0, i + 10) + block + t.slice(i + 10);
    },
  },
].flatMap((m) => Array.from({ length: m.weight }, () => m));

/** A few cursor positions worth asking about: random ones, ends of lines, the end of the text. */
export function positionsFor(text, random, count = 4) {
  const offsets = [text.length];
  for (let n = 0; n < count; n++) {
    const o = random.int(text.length + 1);
    offsets.push(o);
    const end = text.indexOf('\n', o);
    offsets.push(end === -1 ? text.length : end);
  }
  return offsets.map((offset) => positionAt(text, offset));
}

/** A position as LSP counts it: lines split at LF, CRLF and a lone CR (as editors do). */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}
