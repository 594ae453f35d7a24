// The command line against its floor, in the same run: `kore-campaign validate` over the CLI
// corpus (bench/corpus/cli, 10,000 files by default) versus a process that only reads the same
// files and parses them with the `yaml` package. Both are whole processes, started the same
// way, so node's own start-up is in both.
//
//   node bench/cli.mjs [--runs 3] [--dir bench/corpus/cli]
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from './corpus.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

// The floor: read every file and parse it with yaml (as the core does: all documents), nothing else.
const FLOOR = `
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { parseAllDocuments } = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'yaml'))});
const dir = process.argv[1];
let documents = 0;
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.campaign.yaml')) continue;
  documents += parseAllDocuments(readFileSync(path.join(dir, name), 'utf8'), { prettyErrors: false, uniqueKeys: true }).length;
}
process.stdout.write(String(documents));
`;

function timed(command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function measureCli({ dir = path.join(HERE, 'corpus', 'cli'), runs = 3, log = () => {}, cliJs } = {}) {
  // bin/kore-campaign.js only requires dist/cli.js; run.mjs passes its snapshot of that bundle.
  const entry = cliJs ?? path.join(ROOT, 'bin', 'kore-campaign.js');
  const ours = [];
  const floor = [];
  let summary = '';
  for (let i = 0; i < runs; i++) {
    const run = timed(process.execPath, [entry, 'validate', dir]);
    if (run.status !== 0 && run.status !== 1) throw new Error(`kore-campaign validate exited ${run.status}: ${run.stderr.slice(0, 500)}`);
    summary = run.stdout.trim().split('\n').pop();
    ours.push(run.ms);
    const base = timed(process.execPath, ['-e', FLOOR, dir]);
    if (base.status !== 0) throw new Error(`floor exited ${base.status}: ${base.stderr.slice(0, 500)}`);
    floor.push(base.ms);
  }
  log(`  cli: validate ${ours.map((x) => x.toFixed(0)).join(', ')} ms; floor ${floor.map((x) => x.toFixed(0)).join(', ')} ms (${summary})`);
  return { ours, floor, summary };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const flags = parseFlags(process.argv.slice(2), { runs: 3, dir: path.join(HERE, 'corpus', 'cli') });
  console.log(JSON.stringify(measureCli({ ...flags, log: console.error }), null, 2));
}
