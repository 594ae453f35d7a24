// One run's connection to the platform: configuration from the environment, one request budget
// shared by every request (paced under the account's rate limit; a refusal holds them all),
// Ctrl+C as cancellation, the request log, and the progress line that says when the run waits.
import type { PlatformTarget, RequestOptions, RequestProgress } from '../../platform/src';
import type { CommonOptions } from './args';
import type { CommandIO } from './io';
import { configFromEnv } from './platformConfig';

export interface PlatformSession {
  target: PlatformTarget;
  options: RequestOptions;
  /** The run's progress line: "3/500 files", and the rate limit's waits (see progressLine). */
  progress(label: string, total: number): ProgressLine;
}

export interface ProgressLine {
  tick(): void;
  clear(): void;
}

/** Waits shorter than this read as latency: not announced. */
const ANNOUNCED_WAIT_MS = 1500;

/** The session, or undefined after printing what is missing (the caller exits 2). */
export function openSession(io: CommandIO, command: string, common: CommonOptions, signal: AbortSignal): PlatformSession | undefined {
  const config = configFromEnv(io.env);
  if ('problems' in config) {
    for (const problem of config.problems) io.stderr(`kore-campaign ${command}: ${problem}\n`);
    io.stderr(`Nothing was sent. See kore-campaign ${command} --help.\n`);
    return undefined;
  }
  if (config.note) io.stderr(`kore-campaign ${command}: ${config.note}\n`);
  const waits = rateLimitNotices(io, command);
  return {
    target: { connection: config.connection, credentials: config.credentials },
    options: {
      signal,
      timeoutMs: common.timeoutMs,
      env: io.env,
      subject: 'kore-campaign-cli',
      budget: config.budget,
      log: common.verbose ? (line) => io.stderr(`${line}\n`) : undefined,
      onProgress: waits.onProgress,
    },
    progress: (label, total) => progressLine(io, label, total, waits),
  };
}

interface RateLimitNotices {
  onProgress(progress: RequestProgress): void;
  /** The wait in force, for the progress line: its words and when it ends. */
  current(): { text: string; until: number } | undefined;
  line?: { redraw(): void };
}

/**
 * A run paced under the rate limit can sit still for most of a minute: say why, once per wait
 * (every request waiting on the same budget reports the same wait). On a terminal the words
 * go on the progress line; in a CI log, one line per wait.
 */
export function rateLimitNotices(io: CommandIO, command: string): RateLimitNotices {
  let announcedUntil = 0;
  let current: { text: string; until: number } | undefined;
  const notices: RateLimitNotices = {
    current: () => (current && current.until > Date.now() ? current : undefined),
    onProgress(progress) {
      const rateLimit = progress.kind === 'paced' || (progress.kind === 'waiting' && progress.rateLimited);
      if (!rateLimit || progress.delayMs < ANNOUNCED_WAIT_MS) return;
      const until = Date.now() + progress.delayMs;
      if (until < announcedUntil + 1000) return;
      announcedUntil = until;
      current = { text: progress.message, until };
      if (io.stderrIsTTY && notices.line) notices.line.redraw();
      else io.stderr(`kore-campaign ${command}: ${progress.message}\n`);
    },
  };
  return notices;
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

/**
 * "3/500 files" on one rewritten stderr line, only on a terminal (CI logs get no noise), with
 * the rate limit's wait when there is one ("60/150, waiting 58 s for ...'s rate limit").
 */
export function progressLine(io: CommandIO, label: string, total: number, waits?: RateLimitNotices): ProgressLine {
  if (!io.stderrIsTTY || total < 2) return { tick() {}, clear() {} };
  let done = 0;
  let drawnAt = 0;
  let drawn = false;
  const draw = () => {
    drawnAt = Date.now();
    drawn = true;
    const wait = waits?.current();
    io.stderr(`\r${label} ${done}/${total}${wait ? `, ${wait.text[0].toLowerCase()}${wait.text.slice(1)}` : ''}\x1b[K`);
  };
  if (waits) waits.line = { redraw: draw };
  return {
    tick() {
      done++;
      // Redraw at most every 50 ms: a terminal is slower than 500 quick answers.
      if (Date.now() - drawnAt < 50 && done < total) return;
      draw();
    },
    clear() {
      if (waits) waits.line = undefined;
      if (drawn) io.stderr('\r\x1b[K');
    },
  };
}
