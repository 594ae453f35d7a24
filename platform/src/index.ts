// The Kore.ai platform client: fetch and Web Crypto only (runs in Node and in a browser), no
// vscode; shared by the extension (desktop and web), the CLI and tests.
export * from './connection';
export * from './credentials';
export * from './jwt';
export * from './outcome';
export * from './push';
export * from './redact';
export * from './request';
export * from './retry';
export * from './serialize';



