#!/usr/bin/env node
// The language server for editors other than VS Code (docs/other-editors.md): the same bundle
// the extension starts, dist/server.js. Transports: --stdio (the default), --node-ipc, --socket=N.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`Usage: kore-campaign-language-server [--stdio | --node-ipc | --socket=PORT]

The Kore.ai campaign language server (LSP 3.17) for *.campaign.yaml files: diagnostics,
completion, hover, quick fixes, outline, folding. Language id: kore-campaign.
Settings (workspace/configuration section "koreCampaign"): see docs/other-editors.md.

  --stdio        talk LSP over stdin/stdout (the default)
  --node-ipc     talk over Node's IPC channel (when started by a Node client with fork())
  --socket=PORT  connect to a client listening on 127.0.0.1:PORT
  --version      print the version
`);
  process.exit(0);
}
if (args.includes('--version')) {
  process.stdout.write(`${require('../package.json').version}\n`);
  process.exit(0);
}
const bundle = path.join(__dirname, '..', 'dist', 'server.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('kore-campaign-language-server is not built yet: run `npm run build` (or `npm ci`, which builds) first.\n');
  process.exit(2);
}
// vscode-languageserver reads the transport from process.argv; stdio unless another is named.
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe=')))
  process.argv.push('--stdio');
require(bundle);
