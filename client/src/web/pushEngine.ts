// Built as dist/web/pushEngine.js and loaded on the first push in the browser: the desktop
// engine (push/engine.ts) without the local sandbox, a Node HTTP server. The round trip is the
// same; its local-changes check asks the git extension instead of git (web/gitExtension.ts).
export { pushCampaignCommand as pushCampaign } from '../push/pushFlow';
export { explainRestrictedMode } from '../push/pushSteps';
export { addConnection, editConnection } from '../push/prompts';
export * from '../roundTrip/commands';
export { previewCallingHours } from '../callingHours/preview';
