import { agentlessFlow } from './agentlessFlow';
import { callerId } from './callerId';
import { callingHoursCurfew } from './callingHoursCurfew';
import { campaignType } from './campaignType';
import { duplicateContactLists } from './duplicateContactLists';
import { maxSkipsMode } from './maxSkipsMode';
import { platformContactLists } from './platformContactLists';
import { readOnlyFields } from './readOnlyFields';
import type { CampaignRule } from './rule';
import { shortRingTime } from './shortRingTime';
import { timeFormat } from './timeFormat';
import { timeOrder } from './timeOrder';
import { timezone } from './timezone';
import { unknownKeys } from './unknownKeys';
import { windowOverlap } from './windowOverlap';

/** The rules JSON Schema cannot express, run after the schema on every validation. */
export const CAMPAIGN_RULES: readonly CampaignRule[] = [
  unknownKeys,
  timeFormat,
  timeOrder,
  windowOverlap,
  duplicateContactLists,
  timezone,
  callerId,
  campaignType,
  maxSkipsMode,
  agentlessFlow,
  readOnlyFields,
  platformContactLists,
  callingHoursCurfew,
  shortRingTime,
];
