// The sandbox's route table. Each capability adds its routes here (one line), in its own file:
// campaigns (campaignRoutes.ts); contact lists go next to them the same way.
import type { SandboxAnswer, SandboxRequest } from './http';
import { campaignRoutes, type CampaignRouteState } from './campaignRoutes';

export interface SandboxRoute {
  method: 'GET' | 'PUT' | 'POST';
  /** Matched against the path after `{base}/{iid}`; capture groups become `params`. */
  path: RegExp;
  handle: (req: SandboxRequest) => SandboxAnswer | Promise<SandboxAnswer>;
}

/** Everything a route may read or change. */
export type SandboxState = CampaignRouteState;

export function sandboxRoutes(state: SandboxState): SandboxRoute[] {
  return [...campaignRoutes(state)];
}
