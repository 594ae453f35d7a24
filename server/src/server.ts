// The language server for desktop VS Code and the tests: a Node process over stdio or IPC.
// The wiring is shared with the browser entry (browserMain.ts) in languageServer.ts.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './languageServer';

startLanguageServer(createConnection(ProposedFeatures.all));
