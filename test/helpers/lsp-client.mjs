// A real LSP client for the tests: spawns the built language server (dist/server.js)
// and speaks JSON-RPC to it over stdio (or Node IPC), as VS Code would.
import { spawn, fork } from 'node:child_process';
import { once } from 'node:events';
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  IPCMessageReader,
  IPCMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

/**
 * Start the server. `settings` answers `workspace/configuration` for the `koreCampaign` section:
 * an object, or a function of the request's `scopeUri` (per-folder settings).
 * `workspaceFolder` is the folder sent (settings are pulled per folder); by default an empty one.
 * The server reads no files: the workspace's other campaigns reach it from the client
 * (koreCampaign/workspaceTimeZones).
 * `workspaceFolders` (paths) makes a multi-root workspace instead. `env` is added to the server's environment;
 * `execArgv` are Node flags for the server process (stdio only).
 * `serverArgs` starts another entry point over stdio (e.g. an installed bin) instead of dist/server.js.
 * `initializationOptions` are sent with `initialize`, as a client's own options.
 * @param {{transport?: 'stdio' | 'ipc', settings?: object | ((scopeUri: string | undefined) => object), capabilities?: object, workspaceFolder?: string, workspaceFolders?: string[], env?: object, execArgv?: string[], serverArgs?: string[], initializationOptions?: object}} [options]
 */
export async function startServer(options = {}) {
  const folderUris = (options.workspaceFolders ?? [options.workspaceFolder ?? emptyWorkspace()]).map(
    (folder) => pathToFileURL(folder).href,
  );
  const workspaceUri = folderUris[0];
  const transport = options.transport ?? 'stdio';
  let settings = options.settings ?? {};
  const child =
    transport === 'ipc'
      ? fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, ...options.env } })
      : spawn(process.execPath, options.serverArgs ?? [...(options.execArgv ?? []), SERVER, '--stdio'], {
          stdio: ['pipe', 'pipe', 'pipe'],
          env: { ...process.env, ...options.env },
        });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const connection =
    transport === 'ipc'
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));

  /** uri -> list of every publishDiagnostics received, newest last. */
  const published = new Map();
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const list = published.get(params.uri) ?? [];
    list.push(params);
    published.set(params.uri, list);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.predicate(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  /** Every `workspace/configuration` item asked for, and every `window/logMessage` received. */
  const configurationRequests = [];
  const logs = [];
  connection.onRequest('workspace/configuration', (params) =>
    params.items.map((item) => {
      configurationRequests.push(item);
      if (item.section !== 'koreCampaign') return null;
      return typeof settings === 'function' ? settings(item.scopeUri) : settings;
    }),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', (params) => logs.push(params));
  connection.listen();

  const initialize = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: workspaceUri,
    capabilities: options.capabilities ?? {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        synchronization: { dynamicRegistration: false, didSave: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
          dataSupport: true,
        },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
    workspaceFolders: folderUris.map((uri, index) => ({ uri, name: `workspace${index || ''}` })),
    ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
  });
  connection.sendNotification('initialized', {});

  const versions = new Map();
  const client = {
    initialize,
    connection,
    child,
    get stderr() {
      return stderr;
    },
    published,
    configurationRequests,
    logs,
    /** The next publishDiagnostics for `uri` (after this call) that satisfies `predicate`. */
    nextDiagnostics(uri, predicate = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${stderr}`)),
          timeoutMs,
        );
        waiters.push({
          uri,
          predicate,
          resolve: (params) => {
            clearTimeout(timer);
            resolve(params);
          },
        });
      });
    },
    /** Open a document and return the diagnostics published for it. */
    async open(uri, text, languageId = 'kore-campaign') {
      versions.set(uri, 1);
      const next = client.nextDiagnostics(uri, (p) => p.version === undefined || p.version === 1);
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return (await next).diagnostics;
    },
    /** Apply incremental changes ({range, text}) and return the diagnostics for the new version. */
    async change(uri, contentChanges) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      const next = client.nextDiagnostics(uri, (p) => p.version === undefined || p.version === version);
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
      return (await next).diagnostics;
    },
    async close(uri) {
      const next = client.nextDiagnostics(uri);
      connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      return (await next).diagnostics;
    },
    request(method, params) {
      return connection.sendRequest(method, params);
    },
    notify(method, params) {
      connection.sendNotification(method, params);
    },
    setSettings(next) {
      settings = next;
      connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { koreCampaign: typeof next === 'function' ? null : next },
      });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        connection.sendNotification('exit');
      } catch {
        // The server may already be gone; the kill below is what matters.
      }
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
  return client;
}

let empty;
function emptyWorkspace() {
  if (!empty) {
    empty = mkdtempSync(path.join(tmpdir(), 'kore-ws-'));
    process.on('exit', () => rmSync(empty, { recursive: true, force: true }));
  }
  return empty;
}

/**
 * One server for a whole test file: started before its first test, stopped after its last.
 * Returns a stand-in that forwards to the running client, so tests write `client.open(...)`.
 */
export function sharedServer(options) {
  let client;
  before(async () => {
    client = await startServer(options);
  });
  after(async () => {
    await client?.stop();
  });
  return new Proxy({}, { get: (_, key) => client?.[key] });
}

export function fileUri(name) {
  return pathToFileURL(path.join(ROOT, 'test', 'fixtures', name)).href;
}
