// A plan as people and scripts read it. Text: one heading per file, one line per changed field
// with the platform's value and the file's (JSON-quoted, so "5" and 5 read differently).
import { planValueText, type CampaignPlan, type PlanChange } from '../../core/src';

const MARK: Record<PlanChange['kind'], string> = { changed: '~', added: '+', 'only-on-platform': '-' };

export function remoteDetails(plan: CampaignPlan): string {
  return [
    plan.remoteStatus ? `status ${plan.remoteStatus}` : 'status unknown',
    plan.remoteUpdatedAt ? `updated ${plan.remoteUpdatedAt}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The plan of one file, as the terminal shows it (ends with a newline). */
export function planText(shownName: string, plan: CampaignPlan, where: string): string {
  const what = `'${plan.name ?? plan.campaignId}' (${plan.campaignId}) on ${where}, ${remoteDetails(plan)}`;
  const count = plan.changes.length;
  const lines = [
    plan.matches ? `${shownName}: matches ${what}` : `${shownName}: ${count} ${count === 1 ? 'change' : 'changes'} to ${what}`,
  ];
  for (const change of plan.changes) {
    lines.push(`  ${MARK[change.kind]} ${change.path}: platform ${planValueText(change.platform)} -> file ${planValueText(change.file)}`);
  }
  for (const unknown of plan.unknownRemotely) {
    lines.push(`  ? ${unknown.path}: unknown remotely (the platform did not return it); file ${planValueText(unknown.file)}`);
  }
  if (plan.ignored.length) lines.push(`  (ignored, owned by the platform and never sent: ${plan.ignored.join(', ')})`);
  return `${lines.join('\n')}\n`;
}

/** The plan's fields for --format json. */
export function planJson(plan: CampaignPlan): Record<string, unknown> {
  return {
    campaignId: plan.campaignId,
    name: plan.name,
    remoteStatus: plan.remoteStatus,
    remoteUpdatedAt: plan.remoteUpdatedAt,
    matches: plan.matches,
    changes: plan.changes,
    unknownRemotely: plan.unknownRemotely,
    ignored: plan.ignored,
  };
}
