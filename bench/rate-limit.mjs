// `kore-campaign pull --all` and `plan` over 150 campaigns against a sandbox that enforces the
// platform's rate limit as page rate-limit-ccai describes it (60 requests per rolling window per
// account, refusals with no Retry-After), against the floor that limit sets, in the same run:
//   floor = the windows the limit must make the run wait, (ceil(requests / 60) - 1) x window,
//           + the same command's time against the same sandbox with no limit (measured first).
// Whole CLI processes, so start-up and file writes are in both. At the real window (60 s) the
// second term is a rounding error; a scaled-down window (--rate-window 10) runs in a minute.
// Pull and plan run side by side, each against its own sandbox (its own account).
//
//   node bench/rate-limit.mjs [--rate-campaigns 150] [--rate-window 60]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from './corpus.mjs';
import { timedCli } from './plan.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const require = createRequire(import.meta.url);
const LIMIT = 60;

/** One command over `ids`, against a sandbox with `rateLimit` (or none): wall time, requests, refusals. */
async function runOnce(command, ids, windowMs, limited, cliJs) {
  const { startSandbox, SANDBOX_SEED_CAMPAIGN } = require(path.join(ROOT, 'dist', 'sandbox.js'));
  const sandbox = await startSandbox({ port: 0, campaignIds: ids, rateLimit: limited ? { requests: LIMIT, windowMs } : false });
  const dir = path.join(HERE, 'corpus', `rate-${command}-${limited ? 'limited' : 'free'}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (command === 'plan')
    for (const id of ids)
      writeFileSync(path.join(dir, `${id}.campaign.yaml`), JSON.stringify({ campaignId: id, ...SANDBOX_SEED_CAMPAIGN }, null, 2));
  const env = {
    KORE_HOST: sandbox.url,
    KORE_IID: sandbox.credentials.iid,
    KORE_ACCOUNT_ID: sandbox.credentials.accountId,
    KORE_CLIENT_ID: sandbox.credentials.clientId,
    KORE_CLIENT_SECRET: sandbox.credentials.clientSecret,
    KORE_REQUESTS_PER_MINUTE: limited ? String(LIMIT) : '10000',
    KORE_RATE_LIMIT_WINDOW_SECONDS: String(windowMs / 1000),
  };
  try {
    const args = command === 'pull' ? ['pull', '--all', '--out', dir] : ['plan', dir];
    const ms = await timedCli(cliJs, args, env);
    const requests = sandbox.requests.length;
    const refused = sandbox.requests.filter((r) => r.status !== 200).length;
    return { ms, requests, refused };
  } finally {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureRateLimit({
  campaigns = 150,
  windowSeconds = 60,
  log = () => {},
  cliJs = path.join(ROOT, 'dist', 'cli.js'),
} = {}) {
  const windowMs = windowSeconds * 1000;
  const ids = Array.from({ length: campaigns }, (_, i) => `cd-be4c7a7e-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const out = { campaigns, windowSeconds, limit: LIMIT, commands: {} };
  const free = {};
  for (const command of ['pull', 'plan']) free[command] = await runOnce(command, ids, windowMs, false, cliJs);
  const limited = await Promise.all(['pull', 'plan'].map((command) => runOnce(command, ids, windowMs, true, cliJs)));
  for (const [i, command] of ['pull', 'plan'].entries()) {
    const run = limited[i];
    const waitsMs = (Math.ceil(run.requests / LIMIT) - 1) * windowMs;
    const floorMs = waitsMs + free[command].ms;
    out.commands[command] = {
      requests: run.requests,
      refused: run.refused,
      ms: run.ms,
      freeMs: free[command].ms,
      waitsMs,
      floorMs,
      ratio: run.ms / floorMs,
      ratioToWaits: waitsMs ? run.ms / waitsMs : undefined,
    };
    log(
      `rate limit: ${command} over ${campaigns} campaigns, ${run.requests} requests at ${LIMIT} per ${windowSeconds} s: ${run.ms.toFixed(0)} ms, ` +
        `${run.refused} refused; floor ${floorMs.toFixed(0)} ms (${waitsMs} ms of windows + ${free[command].ms.toFixed(0)} ms unlimited): ` +
        `${(run.ms / floorMs).toFixed(3)}`,
    );
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flags = parseFlags(process.argv.slice(2), { rateCampaigns: 150, rateWindow: 60 });
  console.log(
    JSON.stringify(
      await measureRateLimit({ campaigns: flags.rateCampaigns, windowSeconds: flags.rateWindow, log: console.error }),
      null,
      2,
    ),
  );
}
