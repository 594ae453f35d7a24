// Validation per keystroke with 5,000 known contact-list names against the same keystrokes
// with none known: what knowing the platform's lists costs while typing. Our server over
// stdio; the keystrokes type a new list name character by character (every prefix is an
// unknown name, so each one looks for a did-you-mean among the 5,000) and then a description.
//
//   node bench/contact-lists.mjs [--names 5000] [--rounds 4]   (prints JSON)
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { parseFlags } from './corpus.mjs';
import { quantile, ROOT, Session } from './lsp-driver.mjs';

const NOTIFICATION = 'koreCampaign/platformData';
const TYPED = 'Enterprise Renewals West 2025';

/** Names shaped like real ones (team, purpose, period), all distinct. */
export function listNames(count) {
  const teams = ['Retail', 'Enterprise', 'SMB', 'Partner', 'Wholesale', 'Consumer', 'Premium', 'Trial'];
  const purposes = ['Renewals', 'Win-back', 'Overdue Accounts', 'Upsell', 'Onboarding', 'Survey', 'Reminders', 'Leads'];
  const names = [];
  for (let i = 0; names.length < count; i++)
    names.push(
      `${teams[i % 8]} ${purposes[Math.floor(i / 8) % 8]} ${['East', 'West', 'North', 'South'][Math.floor(i / 64) % 4]} ${2000 + Math.floor(i / 256)}`,
    );
  return names;
}

const CAMPAIGN = `name: Bench Contact Lists
description: Typing a list name with the platform's lists known or not.
contactLists:
  - Retail Renewals East 2000
  - Enterprise Win-back West 2001
  - 
priority: "3"
dialingMode: Progressive
dialingStrategy:
  callerId: { phoneNumber: "+18123456789" }
  callingHours:
    frequency: WEEKLY
    timezone: America/New_York
    days:
      - { day: MO, start: "9:00 AM", end: "6:00 PM" }
  dialingOrder: FIFO
  maxAttemptsPerRecord: 3
  defaultRetryPeriod: 10
  maxRingTime: 30
queue_name: Default Queue
enableMachineDetect: false
maxSkips: 0
campaignType: voice
`;

/** Types `TYPED` into the empty list item and one sentence into the description; ms per keystroke. */
async function typeRound(session, uri, state) {
  const times = [];
  const keystroke = async (line, character, text) => {
    const version = ++state.version;
    const published = session.waitFor(uri, (event) => event.version === undefined || event.version === null || event.version >= version);
    const started = performance.now();
    await session.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
    });
    await published;
    times.push(performance.now() - started);
  };
  const itemLine = 5;
  const start = 4 + state.typed;
  for (let i = 0; i < TYPED.length; i++) await keystroke(itemLine, start + i, TYPED[i]);
  state.typed += TYPED.length;
  for (const ch of ' More.') await keystroke(1, CAMPAIGN.split('\n')[1].length + state.described++, ch);
  return times;
}

export async function measureContactLists({ names = 5000, rounds = 4, log = () => {} } = {}) {
  const session = await Session.start('ours');
  const uri = pathToFileURL(path.join(ROOT, 'bench', 'corpus', 'contact-lists-bench.campaign.yaml')).href;
  const known = {
    state: 'known',
    connection: 'Bench',
    fetchedAt: Date.now(),
    contactLists: listNames(names).map((name, i) => ({ name, totalRecordCount: i % 50, status: 'Ready', campaignInUse: [] })),
  };
  try {
    await session.open(uri, CAMPAIGN);
    const state = { version: 1, typed: 0, described: 0 };
    const without = [];
    const withNames = [];
    // Alternating blocks, so drift (GC, the machine's other work) falls on both sides alike.
    // Indexing the lists and checking the open file again happen once per list update, not
    // per keystroke: each switch waits for that re-check before the first keystroke is timed.
    // The server checks again only when what it knows changes: the first "unknown" (it knew
    // nothing yet) is not waited for.
    const switchTo = async (params, changes = true) => {
      const rechecked = changes ? session.waitFor(uri) : undefined;
      await session.conn.sendNotification(NOTIFICATION, params);
      await rechecked;
    };
    for (let round = 0; round < rounds; round++) {
      await switchTo({ state: 'unknown', reason: 'signed-out' }, round > 0);
      without.push(...(await typeRound(session, uri, state)));
      await switchTo(known);
      withNames.push(...(await typeRound(session, uri, state)));
      log(`contact lists: round ${round + 1}/${rounds}`);
    }
    return { names, keystrokes: without.length, without, with: withNames };
  } finally {
    await session.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flags = parseFlags(process.argv.slice(2), { names: 5000, rounds: 4 });
  const raw = await measureContactLists({ names: Number(flags.names), rounds: Number(flags.rounds), log: (l) => console.error(l) });
  const median = (xs) => quantile(xs, 0.5);
  console.log(
    JSON.stringify(
      {
        names: raw.names,
        keystrokes: raw.keystrokes,
        withoutMedian: median(raw.without),
        withMedian: median(raw.with),
        withP95: quantile(raw.with, 0.95),
        withoutP95: quantile(raw.without, 0.95),
        extraMedian: median(raw.with) - median(raw.without),
      },
      null,
      2,
    ),
  );
}
