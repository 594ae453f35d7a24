// The sandbox's route table. Each capability adds its routes here (one line), in its own file:
// campaigns (campaignRoutes.ts), contact lists (contactLists.ts).
import { campaignRoutes, type CampaignRouteState } from './campaignRoutes';
import { contactListRoutes, type ContactListState } from './contactLists';
import type { SandboxRoute } from './http';

export type { SandboxRoute } from './http';

/** Everything a route may read or change. */
export type SandboxState = CampaignRouteState & ContactListState;

export function sandboxRoutes(state: SandboxState): SandboxRoute[] {
  return [...campaignRoutes(state), ...contactListRoutes(state)];
}
