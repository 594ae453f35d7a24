// Built as dist/pushEngine.js and loaded on the first push or sandbox start (see engineBundle.ts):
// the push flow with everything heavy it needs (the core's validator, yaml, ajv, jose, the sandbox).
export { pushCampaignCommand as pushCampaign } from './pushFlow';
export { explainRestrictedMode } from './pushSteps';
export { startSandbox } from '../../../sandbox/src';
// The connection dialogs (multi-step input) load with the engine: activation only lists connections.
export { addConnection, editConnection } from './prompts';
