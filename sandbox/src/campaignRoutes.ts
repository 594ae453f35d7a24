// The campaign calls: get one, list (paged), create (answers before it finishes) and the seed's
// PUT, with the answer shapes the API pages document.
import { randomUUID } from 'node:crypto';
import { checkCampaignBody, jsonObjectBody } from './body';
import type { SandboxContactList } from './contactLists';
import type { FaultState } from './faults';
import { fail, type SandboxAnswer, type SandboxRequest, type SandboxRoute } from './http';
import { putCampaign, readShape, summaryShape, type CampaignStore } from './store';

/** A real server caps the page size whatever the client asks; so does the sandbox. */
export const SANDBOX_MAX_PAGE_SIZE = 25;

export interface CampaignRouteState {
  campaigns: CampaignStore;
  /** A written campaign must name lists that exist. */
  contactLists: readonly SandboxContactList[];
  faults: FaultState;
  /** How long a created campaign stays Preparing before it is Ready. */
  preparingMs: number;
  /** Timers to clear when the sandbox stops. */
  timers: Set<NodeJS.Timeout>;
}

const success = (body: Record<string, unknown>): SandboxAnswer => ({ status: 200, body: { status: 'success', ...body } });

function existing(state: CampaignRouteState, id: string) {
  const stored = state.campaigns.get(id);
  if (!stored) throw fail(404, `Campaign ${id} not found.`);
  return stored;
}

function list(state: CampaignRouteState, req: SandboxRequest): SandboxAnswer {
  const body = jsonObjectBody(req.bodyText);
  if (body.type !== undefined && body.type !== 'voice') throw fail(400, 'type must be "voice" for voice campaigns.', 'type');
  const asked = Number(body.limit ?? 10);
  const page = Number(body.page ?? 1);
  if (!Number.isInteger(asked) || asked < 1) throw fail(400, 'limit must be a positive integer.', 'limit');
  if (!Number.isInteger(page) || page < 1) throw fail(400, 'page must be a positive integer.', 'page');
  const limit = Math.min(asked, SANDBOX_MAX_PAGE_SIZE);
  const skip = body.skip !== undefined ? Number(body.skip) : (page - 1) * asked;
  if (!Number.isInteger(skip) || skip < 0) throw fail(400, 'skip must be a non-negative integer.', 'skip');
  const all = [...state.campaigns.entries()];
  const results = all.slice(skip, skip + limit).map(([id, stored]) => summaryShape(id, stored, state.faults.listIdKey));
  return success({
    message: 'Campaigns fetched successfully',
    data: {
      results,
      skip,
      limit,
      hasMore: skip + results.length < all.length,
      totalPages: Math.ceil(all.length / limit),
      totalResults: all.length,
    },
  });
}

/**
 * The create pages answer differently per mode (PLATFORM-API.md, "create"): Preview gives the id
 * at the top and in `data.campId`; Agentless and Progressive give no top-level id but the whole
 * campaign in `data`, its id in `data.id`, status Preparing (and Agentless the flow's id). Either
 * way creation finishes later: Preparing, then Ready.
 */
function create(state: CampaignRouteState, req: SandboxRequest): SandboxAnswer {
  const body = checkCampaignBody(req.headers, req.url.searchParams, req.bodyText, state.contactLists);
  const id = `cd-${randomUUID()}`;
  const stored = putCampaign(state.campaigns, id, body, 'Preparing', new Date().toISOString());
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    const current = state.campaigns.get(id);
    if (current?.data.status === 'Preparing') current.data.status = 'Ready';
  }, state.preparingMs);
  timer.unref();
  state.timers.add(timer);
  const message = `Campaign ${String(body.name)} creation in progress`;
  if (body.dialingMode === 'Preview') return success({ message, id, data: { campId: id } });
  const { _id, ...campaign } = readShape(id, stored, '_id');
  return success({ message, data: { ...campaign, id: _id } });
}

function update(state: CampaignRouteState, req: SandboxRequest): SandboxAnswer {
  const [id] = req.params;
  // Body rules come before the existence check, as request validation runs before the handler.
  const body = checkCampaignBody(req.headers, req.url.searchParams, req.bodyText, state.contactLists);
  const stored = existing(state, id);
  const status = String(stored.data.status);
  if (status === 'Active') throw fail(400, `Campaign ${id} is Active: an Active campaign cannot be edited. Pause or stop it first.`);
  const updated = putCampaign(state.campaigns, id, body, status, new Date().toISOString(), stored.createdAt);
  return success({ message: `Campaign ${String(body.name)} details updated successfully`, id, data: readShape(id, updated, 'id') });
}

function read(state: CampaignRouteState, req: SandboxRequest): SandboxAnswer {
  const [id] = req.params;
  const stored = existing(state, id);
  return success({ message: 'Campaign fetched successfully', data: readShape(id, stored, state.faults.idKey, state.faults.omitted) });
}

export function campaignRoutes(state: CampaignRouteState): SandboxRoute[] {
  return [
    // Before `/campaign/{id}`: its last segment would match the id pattern.
    { method: 'POST', path: /^\/campaign\/getAllCampaignDetails$/, handle: (req) => list(state, req) },
    { method: 'POST', path: /^\/campaign$/, handle: (req) => create(state, req) },
    { method: 'GET', path: /^\/campaign\/([^/]+)$/, handle: (req) => read(state, req) },
    { method: 'PUT', path: /^\/campaign\/([^/]+)$/, handle: (req) => update(state, req) },
  ];
}
