// The local sandbox: an emulation of the campaign API that enforces the documented contract.
export {
  startSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxFaults,
  type SandboxRateLimit,
  type RecordedRequest,
  type StoredCampaign,
} from './server';
export { RATE_LIMIT_MESSAGE, PLATFORM_RATE_LIMIT } from './rateLimit';
export { PARTIAL_READ_FIELDS } from './faults';
export { SANDBOX_ACTIVE_CAMPAIGN_ID, SANDBOX_VARIED_CAMPAIGNS } from './seed';
export { SANDBOX_MAX_PAGE_SIZE } from './campaignRoutes';
export { flowIdFor } from './store';
export * from './defaults';
export { SANDBOX_CONTACT_LISTS, type SandboxContactList } from './contactLists';
export { parseOrigin } from './cors';
