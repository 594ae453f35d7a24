// Built as dist/pushEngine.js: the engine (./index.ts) and the local sandbox, a Node HTTP server
// that the extension host can run (../localSandbox.ts), which a browser cannot.
export * from './index';
export { startSandbox } from '../../../sandbox/src';
