// The quick pick of a connection's campaigns. The first page shows as soon as it arrives and
// the next pages are appended while the user types (the pick stays `busy` until the last), so
// a large account never makes the user wait for the whole list before choosing.
import * as vscode from 'vscode';
import type { PlatformFailure } from '../../../platform/src';
import type { CampaignListItem } from '../remote/calls';

export interface CampaignPickItem extends vscode.QuickPickItem {
  campaign: CampaignListItem;
}

export type PickResult = { picked?: CampaignListItem; failure?: PlatformFailure };

/** Lists every page, handing each to `onPage`; resolves with the failure that stopped it, if any. */
export type ListPages = (signal: AbortSignal, onPage: (entries: CampaignListItem[]) => void) => Promise<PlatformFailure | undefined>;

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
export function pickCampaign(connectionName: string, listPages: ListPages): Promise<PickResult> {
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
    let count = 0;
    void listPages(abort.signal, (entries) => {
      if (settled) return;
      count += entries.length;
      pick.items = [...pick.items, ...entries.map(campaignPickItem)];
    }).then((failure) => {
      if (settled) return;
      // Nothing to choose from: the caller reports the failure. Later pages failing still leave a usable list.
      if (failure && count === 0) return finish({ failure });
      if (failure) pick.title = `Pull a campaign from ${connectionName} (list incomplete: ${failure.message})`;
      else if (count === 0) pick.placeholder = `${connectionName} has no voice campaigns yet`;
      pick.busy = false;
    });
  });
}
