// The server half of `npm run fuzz`: the built language server over stdio, as an editor
// drives it. Each input is opened, edited once, asked for everything an editor asks
// (completion, hover, outline, folding, selection ranges, quick fixes, fix-all) and closed;
// an error answer, an exception the server logged (its handlers answer empty then), a request
// over the time limit (in the server's CPU time), or resident memory over the limit is a
// finding. Memory is read from /proc (Linux), after each input.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

export async function startFuzzServer(serverPath) {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const waiter = waiters.get(params.uri);
    if (waiter && params.version === waiter.version) {
      waiters.delete(params.uri);
      waiter.resolve(params.diagnostics);
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  // Errors the server logs while an input runs: a handler's exception is logged, not answered (server/src/log.ts).
  let loggedErrors = [];
  connection.onNotification('window/logMessage', (params) => {
    if (params.type === 1) loggedErrors.push(params.message);
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true },
      textDocument: {
        publishDiagnostics: { versionSupport: true, dataSupport: true },
        completion: { completionItem: { snippetSupport: true } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, dataSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
  });
  connection.sendNotification('initialized', {});

  const diagnosticsFor = (uri, version, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(uri);
        reject(Object.assign(new Error(`no diagnostics within ${timeoutMs} ms`), { fuzzOp: 'diagnostics', hang: true }));
      }, timeoutMs);
      waiters.set(uri, { version, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });

  // The server's CPU time (from /proc, in clock ticks of 10 ms), not wall time: on a shared
  // machine wall time mostly measures the other processes. Wall time where /proc is missing.
  const cpuMs = () => {
    try {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return performance.now();
    }
  };

  async function timed(times, name, promise, timeoutMs) {
    const started = cpuMs();
    let timer;
    try {
      return await Promise.race([
        promise,
        new Promise(
          (_, reject) =>
            (timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { hang: true })), timeoutMs)),
        ),
      ]);
    } catch (error) {
      error.fuzzOp = name;
      throw error;
    } finally {
      clearTimeout(timer);
      const ms = cpuMs() - started;
      if (!times[name] || times[name] < ms) times[name] = ms;
    }
  }

  let counter = 0;
  return {
    child,
    get stderr() {
      return stderr;
    },
    /** Resident memory of the server process in bytes (0 where /proc is not available). */
    rss() {
      try {
        const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        return kb ? Number(kb) * 1024 : 0;
      } catch {
        return 0;
      }
    },
    /** Runs one input; resolves to the slowest time per request, rejects with the first failure. */
    async run({ text, positions, edit }, timeoutMs) {
      const uri = `file:///fuzz/input-${++counter}.campaign.yaml`;
      const textDocument = { uri };
      const times = {};
      loggedErrors = [];
      const opened = diagnosticsFor(uri, 1, timeoutMs);
      const openedAt = cpuMs();
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kore-campaign', version: 1, text } });
      try {
        let diagnostics = await opened;
        times.openDiagnostics = cpuMs() - openedAt;
        if (edit) {
          const changed = diagnosticsFor(uri, 2, timeoutMs);
          const changedAt = cpuMs();
          const range = { start: edit.start, end: edit.end };
          connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ range, text: edit.insert }],
          });
          diagnostics = await changed;
          times.changeDiagnostics = cpuMs() - changedAt;
        }
        for (const position of positions) {
          await timed(times, 'completion', connection.sendRequest('textDocument/completion', { textDocument, position }), timeoutMs);
          await timed(times, 'hover', connection.sendRequest('textDocument/hover', { textDocument, position }), timeoutMs);
        }
        await timed(times, 'selectionRange', connection.sendRequest('textDocument/selectionRange', { textDocument, positions }), timeoutMs);
        await timed(times, 'documentSymbol', connection.sendRequest('textDocument/documentSymbol', { textDocument }), timeoutMs);
        await timed(times, 'foldingRange', connection.sendRequest('textDocument/foldingRange', { textDocument }), timeoutMs);
        const range = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };
        await timed(
          times,
          'codeAction',
          connection.sendRequest('textDocument/codeAction', { textDocument, range, context: { diagnostics } }),
          timeoutMs,
        );
        await timed(
          times,
          'fixAll',
          connection.sendRequest('textDocument/codeAction', { textDocument, range, context: { diagnostics, only: ['source.fixAll'] } }),
          timeoutMs,
        );
        // Each log line arrives before the answer it goes with, so every one of this input's is here.
        if (loggedErrors.length) throw Object.assign(new Error(loggedErrors.join('\n')), { fuzzOp: loggedErrors[0].split(' ')[0] });
        return times;
      } finally {
        connection.sendNotification('textDocument/didClose', { textDocument });
      }
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        connection.sendNotification('exit');
      } catch {
        // Already gone: the kill below is what matters.
      }
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      connection.dispose();
    },
  };
}
