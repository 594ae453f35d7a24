// Deterministic benchmark corpus: realistic campaign files (a third with mistakes of different
// kinds), large 5,000- and 50,000-line files, and a CLI corpus of many small files.
// Generated into bench/corpus/ (git-ignored); the same seed gives byte-identical files.
//
//   node bench/corpus.mjs [--files 300] [--cli-files 10000] [--large 5000,50000] [--out bench/corpus]
//
// bench/corpus/manifest.json lists every file with what a validator should say about it:
//   expect: 'valid' | 'error-both' (the schema or YAML itself catches it, so yaml-language-server
//   must report an error too) | 'error-ours' (only a campaign rule can see it: time order,
//   time zone, campaignType sms).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../scripts/lib/mulberry32.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export function parseFlags(argv, defaults) {
  const flags = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) continue;
    const key = m[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const value = m[2] ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
    flags[key] = typeof defaults[key] === 'number' ? Number(value) : value;
  }
  return flags;
}

/** Seeded: the same corpus every run. */
function rng(seed) {
  const next = mulberry32(seed);
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const TOPICS = [
  'Billing Reminder',
  'Renewal Notice',
  'Payment Overdue',
  'Appointment Confirmation',
  'Survey Follow-up',
  'Delivery Update',
  'Welcome Call',
  'Win-back Offer',
  'Policy Expiry',
  'Fraud Alert Check',
  'Loan EMI Reminder',
  'Service Outage Notice',
];
const SEGMENTS = [
  'Recent Buyers',
  'Premium Members',
  'Dormant Accounts',
  'New Signups',
  'High Value',
  'At Risk',
  'Enterprise',
  'Students',
  'Seniors',
  'Region North',
  'Region South',
  'Trial Users',
];
const QUARTERS = ['Q1 2025', 'Q2 2025', 'Q3 2025', 'Q4 2025', 'Q1 2026'];
const ZONES = [
  'Asia/Kolkata',
  'America/New_York',
  'Europe/London',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Asia/Singapore',
  'Australia/Sydney',
  'America/Chicago',
  'Asia/Tokyo',
  'Africa/Johannesburg',
];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const MODES = ['Progressive', 'Preview', 'Agentless'];
const QUEUES = ['Default Queue', 'Collections', 'Renewals', 'Support Tier 1', 'Outbound Sales'];

/** Minutes since midnight -> the API's `h:mm AM`. */
export function apiTime(minutes) {
  const h24 = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  const suffix = h24 < 12 ? 'AM' : 'PM';
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h12}:${String(m).padStart(2, '0')} ${suffix}`;
}

/**
 * The kinds of mistake a third of the files carry. `expect` says who must see it;
 * `apply` rewrites the lines of a valid file.
 */
const MISTAKES = [
  { kind: 'priority-number', expect: 'error-both', apply: (l) => replaceLine(l, /^priority: .*/, 'priority: 5') },
  {
    kind: 'mode-case',
    expect: 'error-both',
    apply: (l) => replaceLine(l, /^dialingMode: (\w+)/, (m) => `dialingMode: ${m[1].toLowerCase()}`),
  },
  { kind: 'missing-required', expect: 'error-both', apply: (l) => l.filter((x) => !x.startsWith('queue_name:')) },
  {
    kind: 'ring-time-range',
    expect: 'error-both',
    apply: (l) => replaceLine(l, /^ {2}maxRingTime: .*/, '  maxRingTime: 200 # seconds: 5 to 120'),
  },
  { kind: 'time-24h', expect: 'error-both', apply: (l) => replaceLine(l, /(end: )"?[0-9:]+ PM"?/, (m) => `${m[1]}"18:00"`) },
  { kind: 'caller-id', expect: 'error-both', apply: (l) => replaceLine(l, /phoneNumber: .*/, 'phoneNumber: "812-345-6789"') },
  { kind: 'unknown-key', expect: 'error-both', apply: (l) => replaceLine(l, /^queue_name:/, 'queue-name:') },
  {
    kind: 'machine-detect-string',
    expect: 'error-both',
    apply: (l) => replaceLine(l, /^enableMachineDetect: (\w+)/, (m) => `enableMachineDetect: "${m[1]}"`),
  },
  { kind: 'yaml-unclosed-quote', expect: 'error-both', apply: (l) => replaceLine(l, /^name: (.*)/, (m) => `name: "${m[1]}`) },
  {
    kind: 'duplicate-key',
    expect: 'error-both',
    apply: (l) => [...l.slice(0, 2), l.find((x) => x.startsWith('priority:')), ...l.slice(2)],
  },
  {
    kind: 'description-too-long',
    expect: 'error-both',
    apply: (l) =>
      replaceLine(
        l,
        /^description: .*/,
        `description: ${'Reminds customers about their pending payment and offers a callback. '.repeat(5).trim()}`,
      ),
  },
  { kind: 'timezone-typo', expect: 'error-ours', apply: (l) => replaceLine(l, /timezone: (.*)/, (m) => `timezone: ${m[1]}x`) },
  { kind: 'time-order', expect: 'error-ours', apply: (l) => replaceLine(l, /start: "?[0-9:]+ AM"?/, 'start: "11:30 PM"') },
  { kind: 'campaign-type-sms', expect: 'error-ours', apply: (l) => replaceLine(l, /^campaignType: .*/, 'campaignType: sms') },
];

function replaceLine(lines, pattern, replacement) {
  const index = lines.findIndex((line) => pattern.test(line));
  if (index === -1) throw new Error(`corpus: no line matches ${pattern}`);
  const out = lines.slice();
  out[index] =
    typeof replacement === 'function'
      ? lines[index].replace(pattern, (...m) => replacement(m))
      : lines[index].replace(pattern, replacement);
  return out;
}

/** A valid, realistic campaign as lines. `big` swaps in a large section. */
function validCampaign(r, index, big) {
  const topic = r.pick(TOPICS);
  const mode = r.pick(MODES);
  const lines = [];
  if (r.chance(0.5)) lines.push(`# ${topic}: generated benchmark campaign ${index}.`);
  if (r.chance(0.3)) lines.push(`campaignId: cd-${(index * 7919).toString(16).padStart(8, '0')}-3682-5e72-a839-af9e07110001`);
  lines.push(`name: ${topic} ${index}`);
  if (big?.kind === 'description') {
    lines.push('description: |');
    for (let i = 0; i < big.lines; i++)
      lines.push(`  Line ${i + 1} of the call script: remind the customer politely and offer a callback.`);
  } else if (r.chance(0.4)) {
    lines.push(
      'description: >-',
      `  ${topic} campaign for ${r.pick(SEGMENTS).toLowerCase()} customers.`,
      '  Connects to an agent when one is free; otherwise a voice bot answers.',
    );
  } else lines.push(`description: ${topic} campaign for ${r.pick(SEGMENTS).toLowerCase()} customers.`);
  lines.push('contactLists:');
  if (big?.kind === 'contactLists') {
    for (let i = 0; i < big.lines; i++) lines.push(`  - ${SEGMENTS[i % SEGMENTS.length]} ${String(i).padStart(6, '0')}`);
  } else {
    const n = r.int(1, 4);
    const used = new Set();
    for (let i = 0; i < n; i++) {
      const name = `${r.pick(SEGMENTS)} - ${r.pick(QUARTERS)}`;
      if (used.has(name)) continue;
      used.add(name);
      lines.push(`  - ${name}`);
    }
  }
  lines.push(`priority: "${r.int(1, 5)}"`, `dialingMode: ${mode}`);
  if (mode === 'Agentless') lines.push(`experienceFlowName: ${topic.replace(/\W+/g, '')}Flow`);
  lines.push('', 'dialingStrategy:', '  callerId:', `    phoneNumber: "+1${r.int(200, 999)}${r.int(1000000, 9999999)}"`, '  callingHours:');
  lines.push(`    frequency: ${r.pick(['WEEKLY', 'DAILY', 'CUSTOM'])}`, `    timezone: ${r.pick(ZONES)}`, '    days:');
  if (big?.kind === 'days') {
    // Five lines per window (a comment, three fields, a blank): one-minute windows never overlap.
    const windows = Math.floor(big.lines / 5);
    for (let i = 0; i < windows; i++) {
      const day = DAYS[i % 7];
      const minute = 1 + Math.floor(i / 7);
      lines.push(
        `      # window ${i + 1}`,
        `      - day: ${day}`,
        `        start: ${apiTime(minute)}`,
        `        end: ${apiTime(minute + 1)}`,
        '',
      );
    }
  } else {
    const start = r.int(7, 10) * 60 + r.pick([0, 30]);
    const end = r.int(16, 20) * 60 + r.pick([0, 30]);
    const days = DAYS.slice(0, r.int(2, 7));
    // Most files use flow mappings (as the API sample does); some the block style.
    if (r.chance(0.7)) for (const day of days) lines.push(`      - { day: ${day}, start: "${apiTime(start)}", end: "${apiTime(end)}" }`);
    else for (const day of days) lines.push(`      - day: ${day}`, `        start: "${apiTime(start)}"`, `        end: "${apiTime(end)}"`);
  }
  lines.push(
    `  dialingOrder: ${r.pick(['FIFO', 'LIFO'])}`,
    `  maxAttemptsPerRecord: ${r.int(1, 10)}`,
    `  defaultRetryPeriod: ${r.int(5, 120)} # minutes`,
    `  maxRingTime: ${r.int(15, 60)} # seconds`,
  );
  lines.push('', 'schedule:', `  isSchedulingEnabled: ${r.chance(0.3)}`, '');
  lines.push(
    `queue_name: ${r.pick(QUEUES)}`,
    `enableMachineDetect: ${r.chance(0.5)}`,
    `maxSkips: ${mode === 'Preview' ? r.int(0, 3) : 0}`,
    'campaignType: voice',
    '',
  );
  return lines;
}

/** Writes the corpus and returns its manifest. */
export function generateCorpus({ files = 300, cliFiles = 10000, large = [5000, 50000], out = path.join(HERE, 'corpus') } = {}) {
  rmSync(out, { recursive: true, force: true });
  const manifest = { small: [], large: [], cli: { dir: path.join(out, 'cli'), count: cliFiles } };
  const writeSet = (dir, count, seed, record) => {
    mkdirSync(dir, { recursive: true });
    const r = rng(seed);
    for (let i = 0; i < count; i++) {
      let lines = validCampaign(r, i);
      let mistake;
      if (i % 3 === 2) {
        mistake = MISTAKES[Math.floor(i / 3) % MISTAKES.length];
        lines = mistake.apply(lines);
      }
      const file = path.join(dir, `c${String(i).padStart(5, '0')}.campaign.yaml`);
      writeFileSync(file, lines.join('\n'));
      record?.({ file, kind: mistake?.kind ?? 'valid', expect: mistake?.expect ?? 'valid', lines: lines.length });
    }
  };
  writeSet(path.join(out, 'small'), files, 42, (entry) => manifest.small.push(entry));
  if (cliFiles > 0) writeSet(path.join(out, 'cli'), cliFiles, 7, undefined);
  mkdirSync(path.join(out, 'large'), { recursive: true });
  const r = rng(1234);
  for (const size of large) {
    for (const kind of ['days', 'contactLists', 'description']) {
      const lines = validCampaign(r, size, { kind, lines: size - 40 });
      const file = path.join(out, 'large', `${kind}-${size}.campaign.yaml`);
      writeFileSync(file, lines.join('\n'));
      // A description of thousands of lines is over the API's 256 characters: both must say so.
      manifest.large.push({ file, kind, size, lines: lines.length, expect: kind === 'description' ? 'error-both' : 'valid' });
    }
  }
  writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const flags = parseFlags(process.argv.slice(2), { files: 300, cliFiles: 10000, large: '5000,50000', out: path.join(HERE, 'corpus') });
  const started = performance.now();
  const manifest = generateCorpus({ ...flags, large: String(flags.large).split(',').filter(Boolean).map(Number) });
  console.log(
    `corpus: ${manifest.small.length} files, ${manifest.large.length} large, ${manifest.cli.count} for the CLI in ${Math.round(performance.now() - started)} ms -> ${flags.out}`,
  );
}
