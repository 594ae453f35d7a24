// `kore-campaign sandbox`: the local stand-in for the campaign API, for trying the push with
// no account and for testing pipelines. Runs until Ctrl+C.
import {
  SANDBOX_CAMPAIGN_IDS,
  SANDBOX_DEFAULT_PORT,
  startSandbox,
} from '../../../sandbox/src';
import type { CommandIO } from '../io';

export const SANDBOX_USAGE = `Usage: kore-campaign sandbox [--port N] [--latency-ms N] [--quiet]

Runs a local emulation of the Kore.ai campaign API on http://127.0.0.1:N (default ${SANDBOX_DEFAULT_PORT};
0 picks a free port). It checks requests as strictly as the contract says (auth header, HS256 JWT
signed with the sandbox's client secret, iid/accountId headers, the campaign rules) and
prints the environment a push needs. Its credentials are public and only work on this machine.
--latency-ms N adds N milliseconds to every answer, like a distant server.
Exit codes: 0 stopped with Ctrl+C, 2 bad usage or the port is taken.`;

export async function run(args: string[], io: CommandIO, stopSignal?: AbortSignal): Promise<number> {
  let port = SANDBOX_DEFAULT_PORT;
  let quiet = false;
  let latencyMs = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      io.stdout(`${SANDBOX_USAGE}\n`);
      return 0;
    } else if (arg === '--quiet' || arg === '-q') quiet = true;
    else if (arg === '--latency-ms' || arg.startsWith('--latency-ms=')) {
      const value = arg.includes('=') ? arg.slice('--latency-ms='.length) : args[++i];
      if (!/^\d+$/.test(value ?? '') || Number(value) > 60_000) {
        io.stderr(`kore-campaign sandbox: --latency-ms takes a number of milliseconds from 0 to 60000, not ${value ?? 'nothing'}.\n`);
        return 2;
      }
      latencyMs = Number(value);
    }
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg.includes('=') ? arg.slice('--port='.length) : args[++i];
      const n = Number(value);
      if (!/^\d+$/.test(value ?? '') || n > 65535) {
        io.stderr(`kore-campaign sandbox: --port takes a number from 0 to 65535, not ${value ?? 'nothing'}.\n`);
        return 2;
      }
      port = n;
    } else {
      io.stderr(`kore-campaign sandbox: unknown argument ${arg}\n\n${SANDBOX_USAGE}\n`);
      return 2;
    }
  }
  let sandbox;
  try {
    sandbox = await startSandbox({ port, latencyMs, log: quiet ? undefined : (line) => io.stdout(`${new Date().toISOString()} ${line}\n`) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`kore-campaign sandbox: ${code === 'EADDRINUSE' ? `port ${port} is in use; pass --port with another number (or 0 for any free port).` : (error as Error).message}\n`);
    return 2;
  }
  const c = sandbox.credentials;
  io.stdout(
    [
      `Kore.ai campaign sandbox listening on ${sandbox.url}`,
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
