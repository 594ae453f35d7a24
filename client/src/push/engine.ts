// Built as dist/pushEngine.js and loaded on the first push or sandbox start (see engineBundle.ts):
// the push flow with everything heavy it needs (the core's validator, yaml, ajv, jose, the sandbox).
export { pushCampaignCommand as pushCampaign } from './pushFlow';
export { explainRestrictedMode } from './pushSteps';
export { startSandbox } from '../../../sandbox/src';
// The round trip (pull, show changes, create, plan before push): loaded with the push engine, never at activation.
export * from '../roundTrip/commands';
// The contact-list request of platform data (../platformData), on the push's HTTP machinery and the connection's request budget.
export { fetchContactLists } from '../platformBudget';
// The connection dialogs (multi-step input) load with the engine: activation only lists connections.
export { addConnection, editConnection } from './prompts';
