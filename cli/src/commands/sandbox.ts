// `kore-campaign sandbox`: the local stand-in for the campaign API, for trying the push with
// no account and for testing pipelines. Runs until Ctrl+C.
import { parseOrigin, SANDBOX_CAMPAIGN_IDS, SANDBOX_DEFAULT_PORT, startSandbox } from '../../../sandbox/src';
import { integerOption, parseCommandArgs, usageError } from '../args';
import type { CommandIO } from '../io';

export const SANDBOX_USAGE = `Usage: kore-campaign sandbox [options]

Runs a local emulation of the Kore.ai campaign API on http://127.0.0.1:N (default ${SANDBOX_DEFAULT_PORT};
0 picks a free port). It checks requests as strictly as the contract says (auth header, HS256 JWT
signed with the sandbox's client secret, iid/accountId headers, the campaign rules as it reads
the spec, the platform's rate limit) and prints the environment a push needs. Its credentials
are public and only work on this machine.

Options:
  --port N       the port (default ${SANDBOX_DEFAULT_PORT}; 0 for any free port)
  --latency-ms N add N milliseconds (0 to 60000) to every answer, like a distant server
  --rate-limit N requests accepted per window and account (default 60, Kore.ai's documented
                 limit; 0 for none); past it, requests are refused with the platform's message
                 and no Retry-After, as the platform documents none
  --rate-limit-window SECONDS
                 the rolling window (default 60; 1 to 3600): a shorter one runs a large pull
                 in seconds (the CLI then needs KORE_RATE_LIMIT_WINDOW_SECONDS set the same)
  --allow-origin ORIGIN
                 answer cross-origin calls from this web page origin (for VS Code in the
                 browser, e.g. code-server on http://127.0.0.1:8080); repeatable. Without it
                 a browser's calls are refused, as most platforms refuse them
  -q, --quiet    do not log each request
  -v, --verbose  log each request (the default)
  -h, --help     this help

Exit codes: 0 stopped with Ctrl+C, 2 bad usage or the port is taken.

Examples:
  kore-campaign sandbox
  kore-campaign sandbox --port 0 --quiet
  kore-campaign sandbox --rate-limit 60 --rate-limit-window 2
  kore-campaign sandbox --allow-origin http://127.0.0.1:8080`;

const SPEC = {
  name: 'sandbox',
  usage: SANDBOX_USAGE,
  options: {
    port: { type: 'string' },
    'latency-ms': { type: 'string' },
    'rate-limit': { type: 'string' },
    'rate-limit-window': { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
  },
} as const;

export async function run(args: string[], io: CommandIO, stopSignal?: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length) return usageError(SPEC, io, `unexpected argument ${parsed.positionals[0]} (sandbox takes only options).`);
  const chosenPort = integerOption('port', parsed.values.port, 0, 65535);
  if (typeof chosenPort === 'string') return usageError(SPEC, io, chosenPort);
  const port = chosenPort ?? SANDBOX_DEFAULT_PORT;
  const latencyMs = integerOption('latency-ms', parsed.values['latency-ms'], 0, 60_000);
  if (typeof latencyMs === 'string') return usageError(SPEC, io, latencyMs);
  const requests = integerOption('rate-limit', parsed.values['rate-limit'], 0, 1_000_000);
  if (typeof requests === 'string') return usageError(SPEC, io, requests);
  const windowSeconds = integerOption('rate-limit-window', parsed.values['rate-limit-window'], 1, 3600);
  if (typeof windowSeconds === 'string') return usageError(SPEC, io, windowSeconds);
  const rateLimit = requests === 0 ? false : { requests: requests ?? 60, windowMs: (windowSeconds ?? 60) * 1000 };
  const allowOrigins = parsed.values['allow-origin'] ?? [];
  const notOrigin = allowOrigins.find((value) => parseOrigin(value) === undefined);
  if (notOrigin !== undefined)
    return usageError(
      SPEC,
      io,
      `--allow-origin takes a web page origin (scheme, host and port, as http://127.0.0.1:8080), not "${notOrigin}".`,
    );
  const quiet = parsed.values.quiet ?? false;
  let sandbox;
  try {
    sandbox = await startSandbox({
      port,
      latencyMs: latencyMs ?? 0,
      rateLimit,
      allowOrigins,
      log: quiet ? undefined : (line) => io.stdout(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      `kore-campaign sandbox: ${code === 'EADDRINUSE' ? `port ${port} is in use; pass --port with another number (or 0 for any free port).` : (error as Error).message}\n`,
    );
    return 2;
  }
  const c = sandbox.credentials;
  io.stdout(
    [
      `Kore.ai campaign sandbox listening on ${sandbox.url}`,
      ...(allowOrigins.length ? [`Answering calls from the web pages of ${allowOrigins.join(', ')} (CORS).`] : []),
      rateLimit
        ? `Rate limit: ${rateLimit.requests} requests per ${rateLimit.windowMs / 1000} s per account, as the platform enforces it (--rate-limit 0 for none).`
        : 'No rate limit (--rate-limit 0).',
      '',
      'Push to it with:',
      `  export KORE_HOST=${sandbox.url}`,
      `  export KORE_IID=${c.iid}`,
      `  export KORE_ACCOUNT_ID=${c.accountId}`,
      `  export KORE_CLIENT_ID=${c.clientId}`,
      `  export KORE_CLIENT_SECRET=${c.clientSecret}`,
      '  kore-campaign push examples/billing-reminder.campaign.yaml',
      '',
      `Campaigns that exist (PUT needs one of these ids): ${SANDBOX_CAMPAIGN_IDS.join(', ')} and ${sandbox.campaigns.size - SANDBOX_CAMPAIGN_IDS.length} more (kore-campaign pull --all).`,
      'These credentials are public and work only against this local sandbox. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    stopSignal?.addEventListener('abort', done, { once: true });
  });
  await sandbox.stop();
  if (!quiet) io.stdout('Sandbox stopped.\n');
  return 0;
}
