// One push: mint a token, PUT, retry what is worth retrying, map the answer. Shared by the
// extension and the CLI so both send the same request and tell the same story.
import { updateCampaignCall } from './apiV1';
import type { Connection } from './connection';
import type { Credentials } from './credentials';
import { tokenFor } from './jwt';
import { outcomeFromResponse } from './messages';
import type { OutcomeContext, PushOutcome } from './outcome';
import { runCall, type RequestOptions, type RequestProgress } from './pipeline';
import { buildPushRequest, type PushRequest } from './request';

export { DEFAULT_TIMEOUT_MS, unsafeEnvironment } from './pipeline';

export interface PushInput {
  connection: Connection;
  credentials: Credentials;
  campaignId: string;
  /** The request body: the file's mapping without `campaignId` (the core's bodyFromCampaign builds it). */
  body: Record<string, unknown>;
}

export type PushProgress = RequestProgress;
export type PushOptions = RequestOptions;

/** The request a push would send, with a freshly minted token (used by --dry-run and the log). */
export async function preparePushRequest(input: PushInput, subject?: string): Promise<PushRequest> {
  const token = await tokenFor(input.credentials, { subject });
  return buildPushRequest(input.connection, input.campaignId, input.body, token);
}

export async function pushCampaign(input: PushInput, options: PushOptions = {}): Promise<PushOutcome> {
  const context: OutcomeContext = {
    action: 'push',
    connectionName: input.connection.name,
    campaignId: input.campaignId,
    iid: input.connection.iid,
    campaignName: typeof input.body.name === 'string' ? input.body.name : undefined,
  };
  const call = updateCampaignCall(input.campaignId, input.body);
  return runCall({ connection: input.connection, credentials: input.credentials, call, context }, options, (status, bodyText, attempts) =>
    outcomeFromResponse(status, bodyText, context, attempts),
  );
}
