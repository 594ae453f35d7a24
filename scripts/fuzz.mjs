#!/usr/bin/env node
// `npm run fuzz`: seeded mutations of the campaign fixtures through the core (every service,
// in a worker that is stopped if an input hangs) and, for every Nth input, through the built
// language server over stdio. Findings: an exception, an error answer, a hang (no answer within
// the hang limit, in wall time), an operation over the time limit (in CPU time, so that a busy
// machine does not count), an incremental parse that differs from a fresh one, the bundles'
// yaml parser (rewritten at build time) reading an input differently from yaml's own, server
// memory over the limit. Each is written to the output folder as a reproducer (the input, and a
// .json with the seed, index, operation and message); the exit code is 1 when there is any.
//
//   npm run fuzz -- [--count N] [--seed S] [--server-every K] [--time-limit MS] [--hang-limit MS]
//                   [--rss-limit MB] [--max-chars N] [--shard K/N] [--inputs I,J] [--remeasure N]
//                   [--out DIR] [--quiet]
//
// Needs a build (dist/core.js, dist/server.js). docs/fuzzing.md: the short run in `npm test`,
// the long run and how to replay a reproducer.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { loadCorpus, makeInput, MAX_INPUT_CHARS, positionAt, positionsFor, rng } from './lib/fuzz-mutate.mjs';
import { startFuzzServer } from './lib/fuzz-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'server-every': { type: 'string', default: '10' },
    'time-limit': { type: 'string', default: '1000' },
    'hang-limit': { type: 'string', default: '120000' },
    'rss-limit': { type: 'string', default: '512' },
    'max-chars': { type: 'string', default: String(MAX_INPUT_CHARS) },
    shard: { type: 'string', default: '0/1' },
    inputs: { type: 'string' },
    remeasure: { type: 'string', default: '2' },
    out: { type: 'string', default: path.join(ROOT, 'test-results', 'fuzz') },
    quiet: { type: 'boolean', default: false },
  },
});
const count = Number(args.count);
const seed = Number(args.seed);
const serverEvery = Number(args['server-every']);
const timeLimit = Number(args['time-limit']);
const hangLimit = Number(args['hang-limit']);
const rssLimit = Number(args['rss-limit']) * 1024 * 1024;
const maxChars = Number(args['max-chars']);
const remeasure = Number(args.remeasure);
// `--shard K/N`: this process takes inputs K, K+N, K+2N... of the same run, so N processes cover
// it on N cores; the inputs are the same as in one process (each depends on seed and index only).
const [shardIndex, shardCount] = args.shard.split('/').map(Number);
if (!(shardCount >= 1 && shardIndex >= 0 && shardIndex < shardCount && Number.isInteger(shardIndex) && Number.isInteger(shardCount))) {
  console.error(`fuzz: --shard must be K/N with 0 <= K < N, not ${args.shard}`);
  process.exit(2);
}
for (const [name, value] of Object.entries({ count, seed, serverEvery, timeLimit, hangLimit, rssLimit, maxChars, remeasure })) {
  if (!Number.isFinite(value) || value < 0) {
    console.error(`fuzz: --${name} must be a number, not ${value}`);
    process.exit(2);
  }
}

const corpus = loadCorpus(ROOT);
const findings = [];
const slowest = { core: ['', 0], server: ['', 0] };
const totals = {
  inputs: 0,
  coreCalls: 0,
  serverInputs: 0,
  serverRequests: 0,
  largest: 0,
  rssPeak: 0,
  remeasured: 0,
  started: performance.now(),
};

function finding(kind, index, input, details) {
  mkdirSync(args.out, { recursive: true });
  const name = `${kind}-seed${seed}-input${index}`;
  writeFileSync(path.join(args.out, `${name}.campaign.yaml`), input.text);
  writeFileSync(
    path.join(args.out, `${name}.json`),
    JSON.stringify(
      { kind, seed, index, base: input.base, mutations: input.mutations, positions: input.positions, edit: input.edit, ...details },
      null,
      2,
    ),
  );
  findings.push({ kind, index, ...details });
  if (!args.quiet)
    console.log(
      `fuzz: ${kind} on input ${index} (${details.op ?? ''}): ${String(details.message ?? '').split('\n')[0]} -> ${path.relative(process.cwd(), path.join(args.out, name))}.*`,
    );
}

let worker;
function startWorker() {
  worker = new Worker(new URL('./lib/fuzz-core-worker.mjs', import.meta.url), {
    workerData: { corePath: path.join(ROOT, 'dist', 'core.js') },
  });
  worker.unref();
}

function runCore(input, index) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      startWorker();
      resolve({ hang: true });
    }, hangLimit);
    const onMessage = (message) => {
      if (message.id !== index) return;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      resolve(message);
    };
    const onError = (error) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      startWorker();
      resolve({ error: { op: 'worker', message: String(error?.message ?? error), stack: String(error?.stack ?? '') } });
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.postMessage({ id: index, text: input.text, positions: input.positions, edit: input.edit });
  });
}

function noteTimes(side, times, index, input, firstTimes) {
  for (const [op, ms] of Object.entries(times)) {
    if (ms > slowest[side][1]) slowest[side] = [op, ms];
    const first = firstTimes?.[op] !== undefined && firstTimes[op] > ms ? ` (${Math.round(firstTimes[op])} ms the first time)` : '';
    if (ms > timeLimit)
      finding('slow', index, input, {
        side,
        op,
        ms: Math.round(ms),
        message: `${side} ${op} took ${Math.round(ms)} ms${first} (limit ${timeLimit} ms) on ${input.text.length} characters`,
      });
  }
}

// An operation over the limit is run again (`--remeasure` times, the whole input) and its
// fastest time counts: CPU time too grows when other processes share the cores' caches, and a
// quadratic path is slow every time. What each took the first time stays in the finding.
async function fastestOf(times, again) {
  let best = times;
  for (let tries = 0; tries < remeasure && Object.values(best).some((ms) => ms > timeLimit); tries++) {
    const next = await again();
    if (!next) break;
    totals.remeasured++;
    best = Object.fromEntries(Object.entries(best).map(([op, ms]) => [op, Math.min(ms, next[op] ?? ms)]));
  }
  return best;
}

startWorker();
let server = serverEvery > 0 ? await startFuzzServer(path.join(ROOT, 'dist', 'server.js')) : undefined;

// `--inputs I,J,...` runs those inputs of the seed again, each through the core and the server: a
// finding replayed alone (the reproducer's .json names its index), e.g. once the machine is quiet.
const only = args.inputs?.split(',').map(Number);
if (only?.some((index) => !Number.isInteger(index) || index < 0)) {
  console.error(`fuzz: --inputs must be input numbers separated by commas, not ${args.inputs}`);
  process.exit(2);
}
const indices =
  only ?? Array.from({ length: Math.max(0, Math.ceil((count - shardIndex) / shardCount)) }, (_, i) => shardIndex + i * shardCount);
const planned = indices.length;
// A summary at each tenth (at least every 1,000 inputs): a long run stopped early still says what it covered.
const progressEvery = Math.max(1, Math.min(1000, Math.floor(planned / 10)));

for (const index of indices) {
  totals.inputs++;
  const input = makeInput(corpus, seed, index, maxChars);
  const random = rng(seed * 7_919 + index);
  input.positions = positionsFor(input.text, random, 3);
  const offset = random.int(input.text.length + 1);
  const inserted = random.pick(['\n', ' ', '\n      ', 'x', '#', '- ', '', '"']);
  const removed = random() < 0.3 ? Math.min(random.int(4), input.text.length - offset) : 0;
  input.edit = {
    offset,
    remove: removed,
    insert: inserted,
    start: positionAt(input.text, offset),
    end: positionAt(input.text, offset + removed),
  };
  totals.largest = Math.max(totals.largest, input.text.length);

  const result = await runCore(input, index);
  totals.coreCalls += result.ops ? Object.keys(result.ops).length : 0;
  if (result.hang) finding('hang', index, input, { side: 'core', message: `no result within ${hangLimit} ms` });
  else if (result.error)
    finding('exception', index, input, { side: 'core', op: result.error.op, message: result.error.message, stack: result.error.stack });
  else {
    const again = async () => (await runCore(input, index)).ops;
    noteTimes('core', await fastestOf(result.ops, again), index, input, result.ops);
    if (result.parserMismatch)
      finding('parser-mismatch', index, input, {
        side: 'core',
        op: 'parse',
        message: `the bundled (rewritten) yaml parser's tokens differ from yaml's own at ${result.parserMismatch}`,
      });
    if (result.mismatch)
      finding('incremental-mismatch', index, input, {
        side: 'core',
        op: result.mismatch.what,
        message: `the incremental parse after the edit differs from a fresh parse (${result.mismatch.what})`,
        incremental: result.mismatch.incremental,
        fresh: result.mismatch.fresh,
      });
  }

  // Every Kth input of this process (of the run, without shards) also goes through the server.
  if (server && (only || (totals.inputs - 1) % serverEvery === 0)) {
    totals.serverInputs++;
    try {
      const times = await server.run(input, hangLimit);
      totals.serverRequests += Object.keys(times).length;
      noteTimes('server', await fastestOf(times, () => server.run(input, hangLimit)), index, input, times);
    } catch (error) {
      const hang = error?.hang === true;
      finding(hang ? 'hang' : 'error-answer', index, input, {
        side: 'server',
        op: error?.fuzzOp,
        message: String(error?.message ?? error),
        code: error?.code,
        stderr: server.stderr.slice(-4000),
      });
      if (hang || server.child.exitCode !== null) {
        await server.stop();
        server = await startFuzzServer(path.join(ROOT, 'dist', 'server.js'));
      }
    }
    const rss = server.rss();
    totals.rssPeak = Math.max(totals.rssPeak, rss);
    if (rss > rssLimit)
      finding('memory', index, input, {
        side: 'server',
        message: `server resident memory ${Math.round(rss / 1048576)} MB over the ${args['rss-limit']} MB limit`,
      });
  }
  if (!args.quiet && totals.inputs % progressEvery === 0 && totals.inputs < planned) console.log(summary(totals.inputs));
}

await server?.stop();
await worker.terminate();

console.log(summary(totals.inputs));
process.exitCode = findings.length ? 1 : 0;

function summary(done) {
  const by = (kind) => findings.filter((f) => f.kind === kind).length;
  const fmt = (n) => n.toLocaleString('en-US');
  return [
    `fuzz: seed ${seed}${shardCount > 1 ? `, shard ${shardIndex}/${shardCount}` : ''}, ${fmt(done)} of ${fmt(planned)} inputs${only && only.length <= 10 ? ` (${args.inputs})` : ''} (largest ${fmt(totals.largest)} characters), ${fmt(totals.coreCalls)} core calls, ${fmt(totals.serverRequests)} server requests on ${fmt(totals.serverInputs)} inputs, ${Math.round((performance.now() - totals.started) / 1000)} s`,
    `fuzz: exceptions ${by('exception')}, error answers ${by('error-answer')}, hangs ${by('hang')}, over ${timeLimit} ms ${by('slow')}, incremental mismatches ${by('incremental-mismatch')}, parser mismatches ${by('parser-mismatch')}, memory ${by('memory')}`,
    `fuzz: slowest core ${slowest.core[0]} ${Math.round(slowest.core[1])} ms, slowest server ${slowest.server[0]} ${Math.round(slowest.server[1])} ms (CPU time), server RSS peak ${Math.round(totals.rssPeak / 1048576)} MB (limit ${args['rss-limit']} MB)${totals.remeasured ? `, ${fmt(totals.remeasured)} inputs run again after an operation over ${timeLimit} ms` : ''}`,
    findings.length ? `fuzz: ${findings.length} findings, reproducers in ${path.relative(process.cwd(), args.out)}` : 'fuzz: no findings',
  ].join('\n');
}
