// The push engine: everything heavy a command needs (the core's validator, yaml, ajv, jose, the
// platform client), built as dist/web/pushEngine.js for the browser and, with the local sandbox
// added, as dist/pushEngine.js (./desktop.ts). Loaded on the first command that needs it, never
// at activation; Ctx.engine() hands it to the commands (commands/index.ts).
export { pushCampaignCommand } from '../push/pushFlow';
export { pullCampaignCommand } from '../roundTrip/pullCampaign';
export { pullAllCampaignsCommand } from '../roundTrip/pullAll';
export { showChangesCommand } from '../roundTrip/showChanges';
export { createCampaignCommand } from '../create/createCampaign';
export { remoteCampaignContent } from '../remote/remoteView';
// The connection dialogs (a multi-step input): activation only lists connections.
export { addConnection, editConnection } from '../connections/prompts';
// Platform data's request (../platformData), on the same HTTP machinery as a push.
export { readContactLists } from '../remote/calls';
// The calling-hours preview (a webview with the core's week model).
export { previewCallingHours } from '../callingHours/preview';
