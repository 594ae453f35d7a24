// `kore-campaign plan` over many files against the sandbox with added latency per request, at
// the default concurrency against one request at a time (--concurrency 1). Both are whole CLI
// processes, so start-up and validation are in both; the ratio shows what concurrency buys.
//
//   node bench/plan.mjs [--plan-files 500] [--plan-latency 50] [--plan-runs 1]
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from './corpus.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const require = createRequire(import.meta.url);

/** A whole CLI process, timed; rejects unless it exits 0 (shared with bench/rate-limit.mjs). */
export function timedCli(cliJs, args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Asynchronous: the sandbox answering these requests runs in this process.
    const child = spawn(process.execPath, [cliJs, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env } });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args[0]} exited ${code}: ${stderr.slice(0, 500)}`)),
    );
  });
}

export async function measurePlan({
  files = 500,
  latencyMs = 50,
  runs = 1,
  log = () => {},
  cliJs = path.join(ROOT, 'dist', 'cli.js'),
} = {}) {
  const { startSandbox, SANDBOX_SEED_CAMPAIGN } = require(path.join(ROOT, 'dist', 'sandbox.js'));
  const ids = Array.from({ length: files }, (_, i) => `cd-be4c0000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  // What concurrency buys, not the rate limit (bench/rate-limit.mjs measures that): both lifted.
  const sandbox = await startSandbox({ port: 0, campaignIds: ids, latencyMs, rateLimit: false });
  const dir = path.join(HERE, 'corpus', 'plan');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const id of ids)
    writeFileSync(path.join(dir, `${id}.campaign.yaml`), JSON.stringify({ campaignId: id, ...SANDBOX_SEED_CAMPAIGN }, null, 2));
  const env = {
    KORE_HOST: sandbox.url,
    KORE_IID: sandbox.credentials.iid,
    KORE_ACCOUNT_ID: sandbox.credentials.accountId,
    KORE_CLIENT_ID: sandbox.credentials.clientId,
    KORE_CLIENT_SECRET: sandbox.credentials.clientSecret,
    KORE_REQUESTS_PER_MINUTE: '10000',
  };
  const concurrent = [];
  const sequential = [];
  try {
    for (let run = 0; run < runs; run++) {
      concurrent.push(await timedCli(cliJs, ['plan', dir], env));
      sequential.push(await timedCli(cliJs, ['plan', dir, '--concurrency', '1'], env));
      log(
        `plan: ${files} files, ${latencyMs} ms latency: default concurrency ${concurrent.at(-1).toFixed(0)} ms, one at a time ${sequential.at(-1).toFixed(0)} ms`,
      );
    }
  } finally {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  // Each pair runs back to back, under the same load from the rest of the machine: the ratio of
  // a pair is steadier than the ratio of two medians.
  const pairRatios = concurrent.map((ms, i) => ms / sequential[i]);
  return {
    files,
    latencyMs,
    concurrent,
    sequential,
    pairRatios,
    ratio: [...pairRatios].sort((a, b) => a - b)[Math.floor(pairRatios.length / 2)],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flags = parseFlags(process.argv.slice(2), { planFiles: 500, planLatency: 50, planRuns: 1 });
  const result = await measurePlan({ files: flags.planFiles, latencyMs: flags.planLatency, runs: flags.planRuns, log: console.error });
  console.log(JSON.stringify(result));
}
