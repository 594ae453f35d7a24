// The language server for desktop VS Code, other editors and the tests: a Node process over
// stdio or IPC. The wiring, shared with the browser entry (browserMain.ts), is in languageServer.ts.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './languageServer';

startLanguageServer(createConnection(ProposedFeatures.all));
