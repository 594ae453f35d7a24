import { replaceValueFix } from '../edits/yamlEdits';
import type { CampaignRule } from './rule';

/** The docs allow `sms`, but this endpoint (`?campaignType=voice`) only updates voice campaigns. */
export const campaignType: CampaignRule = {
  codes: ['campaign-type'],
  check(context) {
    if (context.campaign.campaignType !== 'sms') return;
    context.report({
      path: ['campaignType'],
      code: 'campaign-type',
      severity: 'error',
      message:
        'campaignType "sms" cannot be sent here: this file targets the Update Voice Campaign API (?campaignType=voice), which only updates voice campaigns. Use "voice".',
      fixes: replaceValueFix(context.parsed, 'voice'),
    });
  },
};
