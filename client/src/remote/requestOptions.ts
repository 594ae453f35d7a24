// The one place the extension builds the options of a platform call: every push, read, list,
// create and contact-list fetch gets its timeout, token subject, log, cancellation and shared
// back-off gate here, so a limit that applies to every call is added once.
import type * as vscode from 'vscode';
import type { BackoffGate, RequestOptions } from '../../../platform/src';
import { config } from '../config';

/** `sub` of the tokens the extension mints: the platform's logs can tell the editor from the CLI. */
export const TOKEN_SUBJECT = 'kore-campaign-vscode';

export type CallLog = Pick<vscode.LogOutputChannel, 'info'>;

export interface CallOptions {
  signal?: AbortSignal;
  /** Shared by the reads of one batch (Pull All): a 429 holds all of them. */
  gate?: BackoffGate;
  /** Instead of koreCampaign.connections.requestTimeoutSeconds (a background fetch waits less). */
  timeoutMs?: number;
  /** Before each log line: which feature the line is about (`[contact lists] `). */
  logPrefix?: string;
  onProgress?: RequestOptions['onProgress'];
}

export function requestOptions(log: CallLog, call: CallOptions = {}): RequestOptions {
  const prefix = call.logPrefix ?? '';
  return {
    timeoutMs: call.timeoutMs ?? config.requestTimeoutMs,
    signal: call.signal,
    gate: call.gate,
    onProgress: call.onProgress,
    subject: TOKEN_SUBJECT,
    log: (line) => log.info(`${prefix}${line}`),
  };
}
