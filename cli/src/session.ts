// One run's connection to the platform: configuration from the environment, one back-off gate
// shared by every request (a 429 holds them all), Ctrl+C as cancellation, and the request log.
import { BackoffGate, type PlatformTarget, type RequestOptions } from '../../platform/src';
import type { CommonOptions } from './args';
import type { CommandIO } from './io';
import { configFromEnv } from './platformConfig';

export interface PlatformSession {
  target: PlatformTarget;
  options: RequestOptions;
}

/** The session, or undefined after printing what is missing (the caller exits 2). */
export function openSession(io: CommandIO, command: string, common: CommonOptions, signal: AbortSignal): PlatformSession | undefined {
  const config = configFromEnv(io.env);
  if ('problems' in config) {
    for (const problem of config.problems) io.stderr(`kore-campaign ${command}: ${problem}\n`);
    io.stderr(`Nothing was sent. See kore-campaign ${command} --help.\n`);
    return undefined;
  }
  if (config.note) io.stderr(`kore-campaign ${command}: ${config.note}\n`);
  return {
    target: { connection: config.connection, credentials: config.credentials },
    options: {
      signal,
      timeoutMs: common.timeoutMs,
      env: io.env,
      subject: 'kore-campaign-cli',
      gate: new BackoffGate(),
      log: common.verbose ? (line) => io.stderr(`${line}\n`) : undefined,
    },
  };
}

/** Run `task` with Ctrl+C turned into an abort of its signal. */
export async function withInterrupt<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const onSignal = () => abort.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  try {
    return await task(abort.signal);
  } finally {
    process.off('SIGINT', onSignal);
  }
}

/** "3/500 files" on one rewritten stderr line, only on a terminal (CI logs get no noise). */
export function progressLine(io: CommandIO, label: string, total: number): { tick(): void; clear(): void } {
  if (!io.stderrIsTTY || total < 2) return { tick() {}, clear() {} };
  let done = 0;
  let drawnAt = 0;
  return {
    tick() {
      done++;
      const now = Date.now();
      // Redraw at most every 50 ms: a terminal is slower than 500 quick answers.
      if (now - drawnAt < 50 && done < total) return;
      drawnAt = now;
      io.stderr(`\r${label} ${done}/${total}\x1b[K`);
    },
    clear() {
      if (done) io.stderr('\r\x1b[K');
    },
  };
}
