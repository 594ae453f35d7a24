// The core half of `npm run fuzz`, in a worker thread so that a hang can be stopped from
// outside (the main thread terminates the worker when an input runs past its limit). Every
// service an editor calls runs on each input, each timed (CPU time); an exception is reported with the
// operation that threw. Inputs large enough for the incremental parser are also edited once
// more and the incremental result compared with a fresh parse.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { loadRewrittenYamlParser, parserDifference } from './yaml-rewritten.mjs';

const require = createRequire(import.meta.url);
const core = require(workerData.corePath);
// The bundles' yaml parser is rewritten at build time (scripts/lib/yaml-generators.mjs): each
// input also checks that the rewrite reads it exactly as yaml's own parser does.
const yaml = loadRewrittenYamlParser();

// CPU time, not wall time: the limit is about the work an input causes, and on a shared
// machine wall time mostly measures the other processes.
function timed(ops, name, fn) {
  const started = process.cpuUsage();
  try {
    return fn();
  } catch (error) {
    error.fuzzOp = name;
    throw error;
  } finally {
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    if (!ops[name] || ops[name] < ms) ops[name] = ms;
  }
}

const summary = (diagnostics) => JSON.stringify(diagnostics.map((d) => [d.code, d.range, d.message, d.fixes ?? null]));

/** Where the two answers part (what the reproducer's .json shows): a little of each from there. */
function firstDifference([incremental, fresh]) {
  let at = 0;
  while (at < incremental.length && incremental[at] === fresh[at]) at++;
  const from = Math.max(0, at - 80);
  return { incremental: incremental.slice(from, at + 300), fresh: fresh.slice(from, at + 300) };
}

function run({ text, positions, edit }) {
  const ops = {};
  const parsed = timed(ops, 'parse', () => core.parseCampaign(text));
  const diagnostics = timed(ops, 'validate', () => core.validateCampaign(parsed));
  for (const position of positions) {
    timed(ops, 'completion', () => core.completeAt(parsed, position));
    timed(ops, 'hover', () => core.hoverAt(parsed, position, { now: new Date(0) }));
    timed(ops, 'selectionRange', () => core.selectionRange(parsed, position));
  }
  timed(ops, 'outline', () => core.documentSymbols(parsed));
  timed(ops, 'folding', () => core.foldingRanges(parsed));
  timed(ops, 'callingHoursLens', () => core.callingHoursLens(parsed));
  // The preview's week, converted to another clock (the heavier path), with daylight saving on the viewer's side.
  timed(ops, 'callingHoursWeek', () =>
    core.callingHoursWeek(parsed, { now: new Date(0), viewZone: 'UTC', viewerZone: 'America/New_York' }),
  );
  const whole = { start: { line: 0, character: 0 }, end: { line: parsed.lines.lineCount, character: 0 } };
  timed(ops, 'codeActions', () => core.quickFixes(diagnostics, whole));
  const all = timed(ops, 'fixAll', () => core.fixAll(diagnostics));
  if (all) timed(ops, 'applyFixAll', () => core.validateText(core.applyTextEdits(text, all.edits)));
  let mismatch;
  if (edit) {
    // The language server parses each change from the previous parse (handed over: `parsed` is
    // not used after this), and the result must equal a fresh parse of the same text.
    const next = text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.remove);
    const incremental = timed(ops, 'incrementalParse', () => core.parseCampaign(next, parsed));
    const fresh = core.parseCampaign(next);
    const a = summary(core.validateCampaign(incremental));
    const b = summary(core.validateCampaign(fresh));
    const outlineA = JSON.stringify(core.documentSymbols(incremental));
    const outlineB = JSON.stringify(core.documentSymbols(fresh));
    if (a !== b || outlineA !== outlineB)
      mismatch = { next, what: a !== b ? 'diagnostics' : 'outline', ...firstDifference(a !== b ? [a, b] : [outlineA, outlineB]) };
  }
  const parserMismatch = parserDifference(yaml, text);
  return { ops, diagnostics: diagnostics.length, mismatch, parserMismatch };
}

parentPort.on('message', (message) => {
  try {
    parentPort.postMessage({ id: message.id, ...run(message) });
  } catch (error) {
    parentPort.postMessage({
      id: message.id,
      error: { op: error?.fuzzOp ?? 'unknown', message: String(error?.message ?? error), stack: String(error?.stack ?? '') },
    });
  }
});
