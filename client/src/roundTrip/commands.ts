// The round trip's commands as the push engine bundles export them, desktop (push/engine.ts)
// and browser (web/pushEngine.ts) alike: one pipeline, fetch through platform/src and files
// through vscode.workspace.fs; only git's view of local changes differs (Ctx.git).
export { pullCampaignCommand } from './pullCampaign';
export { pullAllCampaignsCommand } from './pullAll';
export { showChangesCommand, remoteCampaignContent } from './showChanges';
export { createCampaignCommand } from '../create/createCampaign';
