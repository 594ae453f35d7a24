// The editor's request budgets: one per account (a connection's host and account id), shared by
// every command and the contact-list refresh that call it, for the whole session, so a Pull All
// and a push at the same time stay under the platform's rate limit together. Paced at
// koreCampaign.platform.requestsPerMinute (Kore.ai's documented 60 by default). Loaded with the
// push engine only (its bundle loads once): one registry, whoever asks.
import * as vscode from 'vscode';
import {
  clampRequestsPerMinute,
  DEFAULT_REQUESTS_PER_MINUTE,
  fetchContactLists as fetchLists,
  RequestBudgets,
  type Connection,
  type RequestBudget,
} from '../../platform/src';

const budgets = new RequestBudgets();

/** The setting, clamped to 1..10,000 (an unreadable value is the default). */
export function requestsPerMinute(): number {
  const setting = vscode.workspace.getConfiguration('koreCampaign').get<unknown>('platform.requestsPerMinute', DEFAULT_REQUESTS_PER_MINUTE);
  return clampRequestsPerMinute(setting);
}

/** The budget of the connection's account, at the current setting. */
export function budgetFor(connection: Pick<Connection, 'host' | 'accountId'>): RequestBudget {
  return budgets.for(connection, requestsPerMinute());
}

/** The contact-list request of platform data (../platformData), on the connection's budget. */
export const fetchContactLists: typeof fetchLists = (connection, credentials, options = {}) =>
  fetchLists(connection, credentials, { budget: budgetFor(connection), ...options });
