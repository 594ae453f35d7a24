// The benchmark: our language server against yaml-language-server 2.0.0 (given our schema) on
// the same generated corpus in the same run, the CLI against its parse-only floor, and the
// extension's size and activation, and the CLI under the platform's rate limit against its floor. Prints one table (median, p95, ours/theirs) and writes
// bench/results/latest.json (raw figures) and bench/results/latest.md (the table).
//
//   npm run bench                       (production build, then the full run: ~10 min on 2 cores)
//   node bench/run.mjs --quick          (a small corpus: ~2 min)
//   node bench/run.mjs --files 300 --cli-files 10000 --edit-files 60 --request-files 60 --plan-files 500 \
//     --large 5000,50000 --large-repeats 3 --startup-runs 5 --cli-runs 3 --rate-campaigns 150 --rate-window 60 [--skip-corpus]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, parseFlags } from './corpus.mjs';
import { measureCli } from './cli.mjs';
import { measureContactLists } from './contact-lists.mjs';
import { measurePlan } from './plan.mjs';
import { measureRateLimit } from './rate-limit.mjs';
import { measureSession, measureStartup, quantile, ROOT, SERVER_EXEC_ARGV, SERVERS } from './lsp-driver.mjs';
import { bundleSizes } from '../scripts/lib/bundle-budgets.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(HERE, 'results');

const FULL = {
  planFiles: 500,
  planLatency: 50,
  planRuns: 3,
  rateCampaigns: 150,
  rateWindow: 60,
  files: 300,
  cliFiles: 10000,
  editFiles: 60,
  requestFiles: 60,
  large: '5000,50000',
  largeRepeats: 3,
  startupRuns: 5,
  cliRuns: 3,
  activationRuns: 5,
  skipCorpus: 'false',
  quick: 'false',
};
const QUICK = {
  planFiles: 100,
  rateWindow: 10,
  files: 60,
  cliFiles: 1000,
  editFiles: 15,
  requestFiles: 15,
  large: '5000,50000',
  largeRepeats: 2,
  startupRuns: 3,
  cliRuns: 2,
  activationRuns: 3,
};

let flags = parseFlags(process.argv.slice(2), FULL);
if (flags.quick === 'true') flags = parseFlags(process.argv.slice(2), { ...FULL, ...QUICK, quick: 'true' });
const log = (line) => console.error(line);
const started = performance.now();

// The server we compare against is a benchmark-only dependency with its own lock (bench/package.json),
// so the root `npm ci` stays free of it (it asks for a newer Node than the project targets).
if (!existsSync(path.join(HERE, 'node_modules', 'yaml-language-server', 'package.json'))) {
  log('bench: installing its own dependencies (npm ci in bench/)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: HERE, stdio: 'inherit' });
}

// Others rebuild dist/ while they work: the run uses a copy taken now, so every figure is of one build.
const SNAPSHOT = path.join(RESULTS, 'dist');
rmSync(SNAPSHOT, { recursive: true, force: true });
mkdirSync(SNAPSHOT, { recursive: true });
for (const file of ['server.js', 'client.js', 'cli.js']) copyFileSync(path.join(ROOT, 'dist', file), path.join(SNAPSHOT, file));
SERVERS.ours.args = [...SERVER_EXEC_ARGV, path.join(SNAPSHOT, 'server.js'), '--stdio'];
// Bundle sizes of the same (production) build: desktop and web (vscode.dev, github.dev) side by side.
const bundles = bundleSizes(path.join(ROOT, 'dist'));

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGb: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  date: new Date().toISOString(),
  theirs: SERVERS.theirs.name,
};
log(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}`);

let manifest;
const corpusDir = path.join(HERE, 'corpus');
if (flags.skipCorpus === 'true' && existsSync(path.join(corpusDir, 'manifest.json'))) {
  manifest = JSON.parse(readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8'));
} else {
  log('corpus: generating');
  manifest = generateCorpus({
    files: flags.files,
    cliFiles: flags.cliFiles,
    large: String(flags.large).split(',').filter(Boolean).map(Number),
    out: corpusDir,
  });
}

const raw = { machine, flags, startup: {}, sessions: {}, cli: undefined, extension: {} };
const startupFile = manifest.small.find((e) => e.expect === 'valid').file;
for (const kind of ['ours', 'theirs']) {
  log(`${kind}: start -> first diagnostics (${flags.startupRuns} runs)`);
  raw.startup[kind] = await measureStartup(kind, startupFile, flags.startupRuns, log);
}
for (const kind of ['ours', 'theirs']) {
  log(`${kind}: session over the corpus`);
  raw.sessions[kind] = await measureSession(kind, manifest, {
    files: flags.files,
    editFiles: flags.editFiles,
    requestFiles: flags.requestFiles,
    largeRepeats: flags.largeRepeats,
    log,
  });
}

if (flags.cliFiles > 0) {
  log(`cli: ${flags.cliFiles} files`);
  raw.cli = measureCli({ dir: manifest.cli.dir, runs: flags.cliRuns, log, cliJs: path.join(SNAPSHOT, 'cli.js') });
}

log('contact lists: 5,000 known names against none, per keystroke');
raw.contactLists = await measureContactLists({ names: 5000, rounds: flags.quick === 'true' ? 4 : 8, log });
if (flags.planFiles > 0) {
  log(`plan: ${flags.planFiles} files against the sandbox, ${flags.planLatency} ms added per request`);
  raw.plan = await measurePlan({
    files: flags.planFiles,
    latencyMs: flags.planLatency,
    runs: flags.planRuns,
    log,
    cliJs: path.join(SNAPSHOT, 'cli.js'),
  });
}

if (flags.rateCampaigns > 0) {
  log(`rate limit: pull --all and plan over ${flags.rateCampaigns} campaigns, 60 requests per ${flags.rateWindow} s`);
  raw.rateLimit = await measureRateLimit({
    campaigns: flags.rateCampaigns,
    windowSeconds: flags.rateWindow,
    log,
    cliJs: path.join(SNAPSHOT, 'cli.js'),
  });
}

raw.extension = { ...measureExtension(), bundles };
log(`bundles: ${bundles.map((b) => `${b.file} ${(b.bytes / 1024).toFixed(0)} KB`).join(', ')}`);

// Equal work: both servers must report an error on the files whose mistake the schema (or YAML) can see.
raw.agreement = agreement(manifest, raw.sessions);

const table = buildTable(raw);
const markdown = renderMarkdown(raw, table);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify({ ...raw, table }, null, 2));
writeFileSync(path.join(RESULTS, 'latest.md'), markdown);
rmSync(SNAPSHOT, { recursive: true, force: true });
console.log(markdown);
log(`bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s -> bench/results/latest.{json,md}`);

function measureExtension() {
  const out = { activation: [], vsixBytes: undefined, vsixNote: undefined };
  for (let i = 0; i < flags.activationRuns; i++) {
    const run = spawnSync(process.execPath, [path.join(HERE, 'activation.cjs'), path.join(ROOT, 'dist', 'client.js')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    try {
      out.activation.push(JSON.parse(run.stdout));
    } catch {
      out.activationError = (run.stderr || run.stdout).slice(0, 500);
      break;
    }
  }
  const vsix = path.join(os.tmpdir(), `kore-campaign-bench-${process.pid}.vsix`);
  try {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '-o', vsix], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120000,
    });
    out.vsixBytes = statSync(vsix).size;
  } catch (error) {
    out.vsixNote = `vsce package failed: ${String(error.stderr || error.message)
      .trim()
      .split('\n')
      .slice(-3)
      .join(' ')}`;
  } finally {
    rmSync(vsix, { force: true });
  }
  log(`extension: activation ${out.activation.map((a) => a.totalMs.toFixed(0)).join(', ')} ms; .vsix ${out.vsixBytes ?? out.vsixNote}`);
  return out;
}

function agreement(manifest, sessions) {
  const rows = [...manifest.small.slice(0, flags.files), ...manifest.large];
  const out = { files: rows.length, bothMustErr: 0, bothErr: 0, oursOnlyExpected: 0, oursErrOnOursOnly: 0, mismatches: [] };
  for (const entry of rows) {
    const ours = sessions.ours.errorsByFile[entry.file] ?? 0;
    const theirs = sessions.theirs.errorsByFile[entry.file] ?? 0;
    const name = path.relative(HERE, entry.file);
    if (entry.expect === 'error-both') {
      out.bothMustErr++;
      if (ours > 0 && theirs > 0) out.bothErr++;
      else out.mismatches.push(`${name} (${entry.kind}): ours ${ours} errors, theirs ${theirs}`);
    } else if (entry.expect === 'error-ours') {
      out.oursOnlyExpected++;
      if (ours > 0) out.oursErrOnOursOnly++;
      else out.mismatches.push(`${name} (${entry.kind}): ours found no error`);
    } else if (ours > 0 || theirs > 0) out.mismatches.push(`${name} (valid): ours ${ours} errors, theirs ${theirs}`);
  }
  return out;
}

function stats(xs) {
  return xs && xs.length ? { n: xs.length, median: quantile(xs, 0.5), p95: quantile(xs, 0.95) } : undefined;
}

function buildTable(raw) {
  const { ours, theirs } = raw.sessions;
  const large = (session, size, key) =>
    Object.values(session.large)
      .filter((f) => f.size === size)
      .flatMap((f) => f[key]);
  const sizes = [...new Set(Object.values(ours.large).map((f) => f.size))].sort((a, b) => a - b);
  const rows = [];
  const row = (measure, oursXs, theirsXs, target, unit = 'ms') => {
    const o = stats(oursXs);
    const t = stats(theirsXs);
    const ratio = o && t ? o.median / t.median : undefined;
    rows.push({
      measure,
      unit,
      ours: o,
      theirs: t,
      ratio,
      target: target?.label,
      met: target && ratio !== undefined ? ratio <= target.ratio : undefined,
    });
  };
  row('start -> first diagnostics', raw.startup.ours, raw.startup.theirs, { label: '<= 1/3', ratio: 1 / 3 });
  row('open -> diagnostics, small file', ours.small.open, theirs.small.open);
  row('edit -> diagnostics, small file', ours.small.edit, theirs.small.edit, { label: '<= 1/20', ratio: 1 / 20 });
  row('completion, small file', ours.small.completion, theirs.small.completion);
  row('hover, small file', ours.small.hover, theirs.small.hover);
  for (const size of sizes) {
    const label = `${size.toLocaleString('en-US')}-line file`;
    const big = size >= 50000;
    row(`open -> diagnostics, ${label}`, large(ours, size, 'open'), large(theirs, size, 'open'));
    row(
      `edit -> diagnostics, ${label}`,
      large(ours, size, 'edit'),
      large(theirs, size, 'edit'),
      big ? { label: '<= 1/4', ratio: 1 / 4 } : undefined,
    );
    row(
      `completion, ${label}`,
      large(ours, size, 'completion'),
      large(theirs, size, 'completion'),
      big ? { label: '<= 1/5', ratio: 1 / 5 } : undefined,
    );
    row(`hover, ${label}`, large(ours, size, 'hover'), large(theirs, size, 'hover'), big ? { label: '<= 1/5', ratio: 1 / 5 } : undefined);
  }
  if (raw.contactLists) {
    const extra = quantile(raw.contactLists.with, 0.5) - quantile(raw.contactLists.without, 0.5);
    rows.push({
      measure: `keystroke -> diagnostics with ${raw.contactLists.names.toLocaleString('en-US')} known contact lists (theirs = none known)`,
      unit: 'ms',
      ours: stats(raw.contactLists.with),
      theirs: stats(raw.contactLists.without),
      ratio: undefined,
      target: `< 2 ms more (${extra.toFixed(2)} ms)`,
      met: extra < 2,
    });
  }
  row(
    `peak RSS, ${ours.openFiles} files open`,
    ours.peakRssMb ? [ours.peakRssMb] : [],
    theirs.peakRssMb ? [theirs.peakRssMb] : [],
    { label: '<= 1/4', ratio: 1 / 4 },
    'MB',
  );
  if (raw.cli) {
    const o = stats(raw.cli.ours);
    const f = stats(raw.cli.floor);
    rows.push({
      measure: `CLI validate, ${flags.cliFiles.toLocaleString('en-US')} files (theirs = parse-only floor)`,
      unit: 'ms',
      ours: o,
      theirs: f,
      ratio: o.median / f.median,
      target: '<= 2x floor',
      met: o.median / f.median <= 2,
    });
  }
  if (raw.plan) {
    const c = stats(raw.plan.concurrent);
    const s = stats(raw.plan.sequential);
    rows.push({
      measure: `CLI plan, ${raw.plan.files} files, ${raw.plan.latencyMs} ms per request (theirs = --concurrency 1; ratio: median of back-to-back pairs)`,
      unit: 'ms',
      ours: c,
      theirs: s,
      ratio: raw.plan.ratio,
      target: '< 0.3',
      met: raw.plan.ratio < 0.3,
    });
  }
  for (const [command, r] of Object.entries(raw.rateLimit?.commands ?? {})) {
    const what = command === 'pull' ? 'pull --all' : 'plan';
    rows.push({
      measure: `CLI ${what}, ${raw.rateLimit.campaigns} campaigns (${r.requests} requests, ${r.refused} refused) at 60 requests per ${raw.rateLimit.windowSeconds} s (theirs = the floor: ${r.waitsMs / 1000} s of windows + the unlimited run)`,
      unit: 'ms',
      ours: { n: 1, median: r.ms, p95: r.ms },
      theirs: { n: 1, median: r.floorMs, p95: r.floorMs },
      ratio: r.ratio,
      target: '<= 1.1, none refused',
      met: r.ratio <= 1.1 && r.refused === 0,
    });
  }
  const act = raw.extension.activation.map((a) => a.totalMs);
  if (act.length) {
    const s = stats(act);
    rows.push({
      measure: 'extension activation (load dist/client.js + activate(), fake vscode)',
      unit: 'ms',
      ours: s,
      theirs: undefined,
      ratio: undefined,
      target: '<= 50 ms',
      met: s.median <= 50,
    });
    const deferred = raw.extension.activation.map((a) => a.languageClientMs).filter((v) => typeof v === 'number');
    if (deferred.length) {
      rows.push({
        measure: 'language client load, right after activation (not on the activation path)',
        unit: 'ms',
        ours: stats(deferred),
        theirs: undefined,
        ratio: undefined,
        target: '',
        met: undefined,
      });
    }
  }
  for (const { file, bytes, budget } of raw.extension.bundles ?? []) {
    const kb = bytes / 1024;
    const measure = `bundle dist/${file} (minified)${file === 'web/client.js' ? ", the browser's activation bundle" : ''}`;
    rows.push({
      measure,
      unit: 'KB',
      ours: { n: 1, median: kb, p95: kb },
      theirs: undefined,
      ratio: undefined,
      target: budget ? `< ${budget / 1024} KB` : '',
      met: budget ? bytes < budget : undefined,
    });
  }
  if (raw.extension.vsixBytes) {
    const kb = raw.extension.vsixBytes / 1024;
    rows.push({
      measure: '.vsix size',
      unit: 'KB',
      ours: { n: 1, median: kb, p95: kb },
      theirs: undefined,
      ratio: undefined,
      target: '<= 1 MB',
      met: raw.extension.vsixBytes <= 1024 * 1024,
    });
  }
  return rows;
}

function fmt(x, unit) {
  if (x === undefined) return 'n/a';
  if (unit === 'MB' || unit === 'KB') return `${x.toFixed(0)} ${unit}`;
  return x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`;
}

function renderMarkdown(raw, table) {
  const m = raw.machine;
  const lines = [
    `Benchmark of ${new Date(m.date).toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node} (${m.os}); theirs: ${m.theirs} with schemas/campaign.schema.json.`,
    '',
    '| measure | ours median | ours p95 | theirs median | theirs p95 | ours / theirs | target | met |',
    '|---|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of table) {
    const ratio = r.ratio === undefined ? '' : r.ratio >= 0.1 ? r.ratio.toFixed(2) : `1/${(1 / r.ratio).toFixed(0)}`;
    const met = r.met === undefined ? '' : r.met ? 'yes' : '**no**';
    lines.push(
      `| ${r.measure} | ${fmt(r.ours?.median, r.unit)} | ${fmt(r.ours?.p95, r.unit)} | ${fmt(r.theirs?.median, r.unit)} | ${fmt(r.theirs?.p95, r.unit)} | ${ratio} | ${r.target ?? ''} | ${met} |`,
    );
  }
  // The large files one by one: the pooled rows above hide which kind of file is slow.
  lines.push(
    '',
    '| large file | open ours / theirs | edit ours / theirs | completion ours / theirs | hover ours / theirs |',
    '|---|---:|---:|---:|---:|',
  );
  const med = (xs) => (xs?.length ? fmt(quantile(xs, 0.5), 'ms') : 'n/a');
  for (const [name, o] of Object.entries(raw.sessions.ours.large)) {
    const t = raw.sessions.theirs.large[name] ?? {};
    const pair = (key) => `${med(o[key])} / ${med(t[key])}`;
    lines.push(`| ${name} (${o.lines} lines) | ${pair('open')} | ${pair('edit')} | ${pair('completion')} | ${pair('hover')} |`);
  }
  const a = raw.agreement;
  lines.push(
    '',
    `Equal work: of ${a.files} files, ${a.bothErr}/${a.bothMustErr} with a mistake the schema or YAML can see got an error from both servers; ${a.oursErrOnOursOnly}/${a.oursOnlyExpected} with a mistake only a campaign rule sees (time order, time zone, sms) got one from ours; ${a.mismatches.length} mismatch(es)${a.mismatches.length ? `: ${a.mismatches.slice(0, 5).join('; ')}` : ''}.`,
    `Requests: ours advertises completion ${raw.sessions.ours.capabilities.completion ? 'yes' : 'no (n/a)'}, hover ${raw.sessions.ours.capabilities.hover ? 'yes' : 'no (n/a)'}.`,
  );
  const failures = Object.entries(raw.sessions).flatMap(([k, s]) => s.failures.map((f) => `${k}: ${f}`));
  if (failures.length)
    lines.push(
      `Lost answers (not in the figures): ${failures.slice(0, 6).join('; ')}${failures.length > 6 ? ` and ${failures.length - 6} more` : ''}.`,
    );
  if (raw.extension.vsixNote) lines.push(`.vsix: ${raw.extension.vsixNote}`);
  lines.push(
    '',
    `Corpus: ${flags.files} small files (a third with mistakes), large files of ${flags.large} lines (long days, contactLists, description), ${flags.cliFiles} files for the CLI; ${flags.editFiles} small files edited 4 times each, large files ${flags.largeRepeats} x 4 edits.`,
  );
  return `${lines.join('\n')}\n`;
}
