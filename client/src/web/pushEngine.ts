// Built as dist/web/pushEngine.js and loaded on the first push in the browser: the desktop
// engine (push/engine.ts) without the local sandbox, a Node HTTP server.
export { pushCampaignCommand as pushCampaign } from '../push/pushFlow';
export { explainRestrictedMode } from '../push/pushSteps';
export { addConnection, editConnection } from '../push/prompts';
