// The language server in a web worker (vscode.dev, github.dev): the same wiring as the Node
// entry (languageServer.ts), over the worker's postMessage channel instead of stdio or IPC.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startLanguageServer } from './languageServer';

// The worker's global scope: the client posts to it and listens on it.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startLanguageServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self)));
