// bin/kore-campaign-language-server.js with each transport an editor may ask for: stdio (also
// the default with no flag; see npm-package.test.mjs for the installed package), Node IPC and a
// socket the client listens on. Each answers initialize and publishes diagnostics.
import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import * as net from 'node:net';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { readFixture, tempDir } from './helpers/fixtures.mjs';
import { ROOT } from './helpers/lsp-client.mjs';

const BIN = path.join(ROOT, 'bin', 'kore-campaign-language-server.js');

async function session(connection) {
  const diagnostics = new Promise((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const workspace = pathToFileURL(tempDir('kc-bin-')).href;
  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: workspace,
    capabilities: {},
    workspaceFolders: [{ uri: workspace, name: 'w' }],
  });
  connection.sendNotification('initialized', {});
  const uri = `${workspace}/a.campaign.yaml`;
  connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'kore-campaign', version: 1, text: readFixture('priority-number.campaign.yaml') },
  });
  const published = await diagnostics;
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  return { init, published };
}

test('--node-ipc: started by a Node client with fork()', async () => {
  const child = fork(BIN, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const { init, published } = await session(connection);
  assert.equal(init.serverInfo.name, 'kore-campaign-language-server');
  assert.deepEqual(
    published.diagnostics.map((d) => d.code),
    ['type'],
  );
  await once(child, 'exit');
  connection.dispose();
});

test('--socket=PORT: connects to the client listening on that port', async () => {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const child = spawn(process.execPath, [BIN, `--socket=${server.address().port}`], { stdio: 'ignore' });
  const [socket] = await once(server, 'connection');
  const connection = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
  const { published } = await session(connection);
  assert.deepEqual(
    published.diagnostics.map((d) => d.code),
    ['type'],
  );
  await once(child, 'exit');
  connection.dispose();
  server.close();
});

test('--help names the transports; --version the package version', async () => {
  const run = (args) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args]);
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', (code) => resolve({ code, out }));
    });
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /--stdio .*\n.*--node-ipc.*\n.*--socket=PORT/);
  assert.match((await run(['--version'])).out, /^\d+\.\d+\.\d+\n$/);
});
