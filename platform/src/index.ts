// The Kore.ai platform client: fetch and Web Crypto only (runs in Node and in a browser), no
// vscode; shared by the extension (desktop and web), the CLI and tests.
// Calls: pushCampaign (PUT), getCampaign, listCampaigns (every page), createCampaign; all go
// through runCall (pipeline.ts), paced by a RequestBudget (requestBudget.ts). Paths live in apiV1.ts only.
export * from './answers';
export * from './apiV1';
export * from './campaigns';
export * from './concurrency';
export * from './connection';
export * from './contactLists';
export * from './credentials';
export * from './jwt';
export * from './messages';
export * from './networkMessages';
export * from './outcome';
export * from './pipeline';
export * from './push';
export * from './redact';
export * from './request';
export * from './requestBudget';
export * from './responseBody';
export * from './retry';
export * from './serialize';
