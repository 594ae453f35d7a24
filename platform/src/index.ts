// The Kore.ai platform client: pure Node, no vscode, shared by the extension, the CLI and tests.
export * from './connection';
export * from './credentials';
export * from './jwt';
export * from './outcome';
export * from './push';
export * from './redact';
export * from './request';
export * from './retry';
export * from './serialize';
export * from './sandbox/defaults';
export { startSandbox, type Sandbox, type SandboxOptions, type SandboxFaults, type RecordedRequest } from './sandbox/server';
export * from './fieldRange';
// The pure edit a push uses to write the campaignId back; re-exported for the Node tests.
export { setCampaignIdEdit, applyTextEdits } from '../../server/src/core/edits/setCampaignId';
