// Push plans first: read the campaign, compare, and only then decide. Nothing changed: say so
// and send nothing. Active on the platform: refuse (the platform does not allow editing an
// Active campaign) unless --force. Otherwise print the changes and let the PUT go.
import { planCampaign, type CampaignPlan } from '../../core/src';
import { getCampaign, type PushInput, type RequestOptions } from '../../platform/src';
import { EXIT, EXIT_FOR_FAILURE } from './exitCodes';
import type { CommandIO } from './io';
import { planJson, planText } from './planReport';
import { failureJson } from './report';

export interface PushPlanSettings {
  shownName: string;
  force: boolean;
  format: 'text' | 'json';
  options: RequestOptions;
}

/** `{ plan }` when the push should go ahead; otherwise the exit code (the reason already printed). */
export async function planBeforePush(
  io: CommandIO,
  input: PushInput,
  settings: PushPlanSettings,
): Promise<{ plan: CampaignPlan } | { exitCode: number }> {
  const { shownName, format } = settings;
  const where = input.connection.name;
  const json = (result: string, extra: Record<string, unknown>) =>
    io.stdout(`${JSON.stringify({ file: shownName, campaignId: input.campaignId, result, ...extra }, null, 2)}\n`);
  const read = await getCampaign(
    { connection: input.connection, credentials: input.credentials, campaignId: input.campaignId },
    settings.options,
  );
  if (read.kind !== 'success') {
    const exitCode = EXIT_FOR_FAILURE[read.kind];
    if (format === 'json') json('failed', { stage: 'plan', failure: failureJson(read), exitCode });
    else {
      const create =
        read.kind === 'not-found'
          ? ` To make it a new campaign instead, remove its campaignId and run kore-campaign create ${shownName}.`
          : '';
      io.stderr(`kore-campaign push: could not read the campaign to plan the push, so nothing was sent. ${read.message}${create}\n`);
    }
    return { exitCode };
  }
  const plan = planCampaign({ ...bodyWithId(input) }, read.campaign.data);
  if (plan.matches) {
    if (format === 'json') json('no-changes', { plan: planJson(plan), exitCode: EXIT.ok });
    else io.stdout(`${planText(shownName, plan, where)}No changes to push; nothing was sent.\n`);
    return { exitCode: EXIT.ok };
  }
  if (plan.remoteStatus === 'Active' && !settings.force) {
    const why = `'${plan.name ?? input.campaignId}' (${input.campaignId}) is Active on ${where}, and an Active campaign cannot be edited; nothing was sent. Pause or stop it on the platform first, or pass --force to send the changes anyway.`;
    if (format === 'json') json('refused-active', { plan: planJson(plan), message: why, exitCode: EXIT.active });
    else {
      io.stdout(planText(shownName, plan, where));
      io.stderr(`kore-campaign push: ${why}\n`);
    }
    return { exitCode: EXIT.active };
  }
  if (format === 'text') io.stdout(planText(shownName, plan, where));
  return { plan };
}

function bodyWithId(input: PushInput): Record<string, unknown> {
  return { campaignId: input.campaignId, ...input.body };
}
