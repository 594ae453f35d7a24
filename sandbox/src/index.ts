// The local sandbox: an emulation of the campaign API that enforces the documented contract.
export { startSandbox, type Sandbox, type SandboxOptions, type SandboxFaults, type RecordedRequest } from './server';
export * from './defaults';
export { SANDBOX_CONTACT_LISTS, type SandboxContactList } from './contactLists';
