// The quick pick of a connection's campaigns. The first page shows as soon as it arrives and
// the next pages are appended while the user types (the pick stays `busy` until the last), so
// a large account never makes the user wait for the whole list before choosing.
import * as vscode from 'vscode';
import type { PushOutcome } from '../../../platform/src';
import type { CampaignListItem, Listing } from './remote';

export interface CampaignPickItem extends vscode.QuickPickItem {
  campaign: CampaignListItem;
}

export type PickResult = { picked?: CampaignListItem; failure?: PushOutcome };

function formatUpdated(value: string | undefined): string {
  if (!value) return 'updated: unknown';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return `updated ${value}`;
  return `updated ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function campaignPickItem(campaign: CampaignListItem): CampaignPickItem {
  return {
    label: campaign.name || campaign.id,
    description: [campaign.status ?? 'status unknown', campaign.dialingMode].filter(Boolean).join(' · '),
    detail: `${formatUpdated(campaign.updatedAt)} · ${campaign.id}`,
    campaign,
  };
}

/**
 * Shows the pick at once and fills it page by page. Resolves with the chosen campaign, with
 * the failure when the first page could not be read (nothing to choose from), or with
 * neither when the user dismissed it. Closing the pick stops the paging.
 */
export function pickCampaign(connectionName: string, pages: (signal: AbortSignal) => Listing): Promise<PickResult> {
  const pick = vscode.window.createQuickPick<CampaignPickItem>();
  pick.title = `Pull a campaign from ${connectionName}`;
  pick.placeholder = 'Type to search by name, status, dialing mode or id';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.keepScrollPosition = true;
  pick.ignoreFocusOut = true;
  pick.busy = true;
  const abort = new AbortController();
  return new Promise<PickResult>((resolve) => {
    let settled = false;
    const finish = (result: PickResult) => {
      if (settled) return;
      settled = true;
      abort.abort();
      pick.dispose();
      resolve(result);
    };
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems.length ? pick.selectedItems : pick.activeItems;
      if (chosen) finish({ picked: chosen.campaign });
    });
    pick.onDidHide(() => finish({}));
    pick.show();
    void (async () => {
      let count = 0;
      for await (const page of pages(abort.signal)) {
        if (settled) return;
        if (!page.ok) {
          if (count === 0) return finish({ failure: page.outcome });
          // Later pages failing still leaves a usable (partial) list.
          pick.title = `Pull a campaign from ${connectionName} (list incomplete: ${page.outcome.message})`;
          break;
        }
        count += page.campaigns.length;
        pick.items = [...pick.items, ...page.campaigns.map(campaignPickItem)];
      }
      if (settled) return;
      pick.busy = false;
      if (count === 0) {
        pick.placeholder = `${connectionName} has no voice campaigns yet`;
      }
    })();
  });
}
