import type { CampaignRule } from './rule';

const MODES_WITHOUT_SKIPS = new Set(['Agentless', 'Progressive']);

/** `maxSkips` only matters when agents preview contacts. The API still requires it, so this is a hint. */
export const maxSkipsMode: CampaignRule = {
  codes: ['max-skips-mode'],
  check(context) {
    const { maxSkips, dialingMode } = context.campaign;
    if (typeof maxSkips !== 'number' || maxSkips === 0 || typeof dialingMode !== 'string' || !MODES_WITHOUT_SKIPS.has(dialingMode)) return;
    context.report({
      path: ['maxSkips'],
      code: 'max-skips-mode',
      severity: 'hint',
      target: 'key',
      message: `maxSkips only has effect in Preview mode; with dialingMode ${dialingMode} agents cannot skip contacts, so ${maxSkips} is ignored.`,
    });
  },
};
