// The Kore.ai platform client: pure Node, no vscode, shared by the extension, the CLI and tests.
export * from './connection';
export * from './contactLists';
export * from './credentials';
export * from './jwt';
export * from './outcome';
export * from './push';
export * from './redact';
export * from './request';
export * from './retry';
export * from './serialize';



