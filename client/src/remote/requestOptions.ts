// The one place the extension builds the options of a platform call: every push, read, list,
// create and contact-list fetch gets its timeout, token subject, log, cancellation and its
// account's request budget here, so a limit that applies to every call is added once.
import type * as vscode from 'vscode';
import { RequestBudgets, type Connection, type RequestBudget, type RequestOptions } from '../../../platform/src';
import { config } from '../config';

/**
 * One budget per account (a connection's host and account id) for the whole session, shared by
 * every command and the contact-list refresh, so a Pull All and a push at the same time stay
 * under the platform's rate limit together (koreCampaign.platform.requestsPerMinute). The
 * registry lives in the engine bundle, which loads once.
 */
const budgets = new RequestBudgets();

export function budgetFor(connection: Pick<Connection, 'host' | 'accountId'>): RequestBudget {
  return budgets.for(connection, config.requestsPerMinute);
}

/** `sub` of the tokens the extension mints: the platform's logs can tell the editor from the CLI. */
export const TOKEN_SUBJECT = 'kore-campaign-vscode';

export type CallLog = Pick<vscode.LogOutputChannel, 'info'>;

export interface CallOptions {
  signal?: AbortSignal;
  /** Instead of koreCampaign.connections.requestTimeoutSeconds (a background fetch waits less). */
  timeoutMs?: number;
  /** Before each log line: which feature the line is about (`[contact lists] `). */
  logPrefix?: string;
  onProgress?: RequestOptions['onProgress'];
}

export function requestOptions(connection: Connection, log: CallLog, call: CallOptions = {}): RequestOptions {
  const prefix = call.logPrefix ?? '';
  return {
    timeoutMs: call.timeoutMs ?? config.requestTimeoutMs,
    signal: call.signal,
    budget: budgetFor(connection),
    onProgress: call.onProgress,
    subject: TOKEN_SUBJECT,
    log: (line) => log.info(`${prefix}${line}`),
  };
}
