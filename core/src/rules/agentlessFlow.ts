import type { CampaignRule } from './rule';

/** Agentless campaigns are answered by a voice bot: the create API takes its flow as `experienceFlowName`. */
export const agentlessFlow: CampaignRule = {
  codes: ['agentless-flow'],
  check(context) {
    const { dialingMode, experienceFlowName } = context.campaign;
    if (dialingMode !== 'Agentless' || experienceFlowName !== undefined) return;
    context.report({
      path: ['dialingMode'],
      code: 'agentless-flow',
      severity: 'hint',
      message: 'Agentless campaigns are handled by an experience flow: add experienceFlowName so the file says which one.',
    });
  },
};
