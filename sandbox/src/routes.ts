// The sandbox's route table. Each capability adds its routes here (one line), in its own file:
// campaigns (campaignRoutes.ts); contact lists go next to them the same way.
import { campaignRoutes, type CampaignRouteState } from './campaignRoutes';
import type { SandboxRoute } from './http';

export type { SandboxRoute } from './http';

/** Everything a route may read or change. */
export type SandboxState = CampaignRouteState;

export function sandboxRoutes(state: SandboxState): SandboxRoute[] {
  return [...campaignRoutes(state)];
}
