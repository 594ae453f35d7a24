// Drives a language server over stdio the way an editor does, and times it: open ->
// diagnostics, change -> diagnostics, completion, hover, start -> first diagnostics, peak RSS.
// Used by bench/run.mjs for both dist/server.js and yaml-language-server on the same corpus.
//
//   node bench/lsp-driver.mjs [--server ours|theirs] [--files 300] [--edit-files 60] [--request-files 60]
//     (runs on an existing bench/corpus; prints the raw figures as JSON)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..');
const SCHEMA_URL = pathToFileURL(path.join(ROOT, 'schemas', 'campaign.schema.json')).href;

/**
 * Must equal the `execArgv` of the server in client/src/languageClient.ts (a test checks it):
 * young generation of 2 MB semi-spaces, and the old generation let grow 25 % past what is live
 * after a full collection, instead of V8's default of up to 4x (sized for throughput).
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=2', '--heap-growing-percent=25'];

export const SERVERS = {
  ours: {
    name: 'kore-campaign (dist/server.js)',
    command: process.execPath,
    // The V8 flags client/src/languageClient.ts starts the server with (docs/performance.md): measured as shipped.
    args: [...SERVER_EXEC_ARGV, path.join(ROOT, 'dist', 'server.js'), '--stdio'],
    languageId: 'kore-campaign',
    settings: { koreCampaign: {} },
  },
  theirs: {
    name: 'yaml-language-server 2.0.0',
    command: process.execPath,
    // Installed into bench/node_modules on demand by bench/run.mjs (bench/package.json), not by the root npm ci.
    args: [path.join(ROOT, 'bench', 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    languageId: 'yaml',
    settings: {
      yaml: {
        schemas: { [SCHEMA_URL]: ['*.campaign.yaml'] },
        validate: true,
        completion: true,
        hover: true,
        // No network: the schema store would be fetched otherwise.
        schemaStore: { enable: false },
      },
      http: {},
      '[yaml]': {},
      editor: { tabSize: 2 },
    },
  },
};

const ERROR = 1;

/** Reads a peak resident set (VmHWM) in MB from /proc; undefined off Linux. */
export function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** One server process with an LSP connection and a diagnostics log to wait on. */
export class Session {
  static async start(kind, { timeoutMs = 60000 } = {}) {
    const session = new Session(kind, timeoutMs);
    await session.initialize();
    return session;
  }

  constructor(kind, timeoutMs) {
    this.kind = kind;
    this.spec = SERVERS[kind];
    this.timeoutMs = timeoutMs;
    this.startedAt = performance.now();
    this.proc = spawn(this.spec.command, this.spec.args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], detached: false });
    this.stderr = '';
    this.proc.stderr.on('data', (chunk) => {
      if (this.stderr.length < 20000) this.stderr += chunk;
    });
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.waiters = new Set();
    this.latest = new Map();
    this.conn.onNotification('textDocument/publishDiagnostics', (params) => {
      const event = { ...params, at: performance.now() };
      this.latest.set(params.uri, event);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(event)) {
          this.waiters.delete(waiter);
          waiter.resolve(event);
        }
      }
    });
    this.conn.onRequest('workspace/configuration', (params) => params.items.map((item) => this.spec.settings[item.section] ?? null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification(() => {});
    this.conn.onRequest(() => null);
    this.conn.listen();
  }

  async initialize() {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      workspaceFolders: [{ uri: pathToFileURL(ROOT).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
      },
    });
    this.capabilities = result.capabilities;
    await this.conn.sendNotification('initialized', {});
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: this.spec.settings });
  }

  get pid() {
    return this.proc.pid;
  }

  hasCapability(name) {
    return Boolean(this.capabilities?.[name]);
  }

  /** Resolves with the first diagnostics for `uri` that `accept` takes, published from now on. */
  waitFor(uri, accept = () => true, timeoutMs = this.timeoutMs) {
    return new Promise((resolve, reject) => {
      const waiter = { uri, accept, resolve };
      this.waiters.add(waiter);
      setTimeout(() => {
        if (this.waiters.delete(waiter)) reject(new Error(`${this.kind}: no diagnostics for ${path.basename(uri)} within ${timeoutMs} ms`));
      }, timeoutMs).unref();
    });
  }

  async open(uri, text) {
    const started = performance.now();
    const published = this.waitFor(uri);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.spec.languageId, version: 1, text } });
    const event = await published;
    return { ms: event.at - started, errors: errorCount(event), signature: errorSignature(event) };
  }

  /**
   * Applies one incremental change and waits for the diagnostics that show it: errors that
   * differ from `base` (the errors of the unedited file) when `broken`, equal to them when not.
   */
  async change(uri, version, change, { broken, base }) {
    const started = performance.now();
    const published = this.waitFor(
      uri,
      (event) =>
        (event.version === undefined || event.version === null || event.version >= version) && (errorSignature(event) === base) !== broken,
      30000,
    );
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const event = await published;
    return event.at - started;
  }

  async request(method, uri, position) {
    const started = performance.now();
    const result = await this.conn.sendRequest(method, { textDocument: { uri }, position });
    return { ms: performance.now() - started, result };
  }

  async close(uri) {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async stop() {
    const rss = peakRssMb(this.pid);
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.conn.sendNotification('exit');
    } catch {
      /* the process may be gone already */
    }
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 3000);
      this.proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.conn.dispose();
    return rss;
  }
}

/** The file's errors without their positions (an insertion above moves them): what an edit flips. */
export function errorSignature(event) {
  return event.diagnostics
    .filter((d) => (d.severity ?? ERROR) === ERROR)
    .map((d) => `${d.code ?? ''}|${d.message}`)
    .sort()
    .join('\n');
}

export function errorCount(event) {
  return event.diagnostics.filter((d) => (d.severity ?? ERROR) === ERROR).length;
}

const uriOf = (file) => pathToFileURL(file).href;

function lineOffsets(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function findLine(lines, pattern, from = 0) {
  for (let i = from; i < lines.length; i++) if (pattern.test(lines[i])) return i;
  for (let i = 0; i < from; i++) if (pattern.test(lines[i])) return i;
  return -1;
}

/** Replaces `find` in line `line` (a regex with one group) by `replacement`: the change and its undo. */
function valueEdit(lines, line, find, replacement) {
  const m = find.exec(lines[line]);
  if (!m) throw new Error(`bench: no match for ${find} in "${lines[line]}"`);
  const start = m.index + m[0].length - m[1].length;
  const range = { start: { line, character: start }, end: { line, character: start + m[1].length } };
  const undoRange = { start: { line, character: start }, end: { line, character: start + replacement.length } };
  return [
    { change: { range, text: replacement }, broken: true },
    { change: { range: undoRange, text: m[1] }, broken: false },
  ];
}

/** A line inserted at the top (every section moves down), then removed. */
function insertAtTop(textLine) {
  return [
    { change: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `${textLine}\n` }, broken: true },
    { change: { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }, broken: false },
  ];
}

/**
 * Edits that flip validity and back, so each publish can be told from a stale one:
 * a value inside the file (the middle of the large section in large files), then a
 * duplicate key inserted at the top, which moves every section.
 */
export function editsFor(entry, text) {
  const lines = text.split('\n');
  let inside;
  if (entry.kind === 'days') {
    const line = findLine(lines, /^ {6}- day: \w+$/, Math.floor(lines.length / 2));
    inside = valueEdit(lines, line, /- day: (\w+)$/, 'XX');
  } else if (entry.kind === 'contactLists' && entry.size) {
    const line = findLine(lines, /^ {2}- \S/, Math.floor(lines.length / 2));
    inside = valueEdit(lines, line, /^ {2}- (.+)$/, '42');
  } else {
    // Small files, and the long description (its value is one scalar: the edit after it).
    const line = findLine(lines, /^dialingMode: /);
    inside = valueEdit(lines, line, /^dialingMode: (\w+)/, 'Fax');
  }
  return [...inside, ...insertAtTop('priority: "1"')];
}

/** Where completion and hover are asked: the dialingMode value and key; in large files also the middle of the big section. */
export function requestPositionsFor(entry, text) {
  const lines = text.split('\n');
  const positions = [];
  const mode = findLine(lines, /^dialingMode: /);
  if (mode !== -1)
    positions.push({
      label: 'dialingMode',
      completion: { line: mode, character: 'dialingMode: '.length },
      hover: { line: mode, character: 3 },
    });
  if (entry.size && entry.kind === 'days') {
    const line = findLine(lines, /^ {6}- day: \w+$/, Math.floor(lines.length / 2));
    positions.push({
      label: 'middle',
      completion: { line, character: lines[line].indexOf('day: ') + 5 },
      hover: { line, character: lines[line].indexOf('day') + 1 },
    });
  } else if (entry.size) {
    const line = Math.floor(lines.length / 2);
    positions.push({ label: 'middle', completion: { line, character: 4 }, hover: { line, character: 4 } });
  }
  return positions;
}

const median = (xs) => quantile(xs, 0.5);
export function quantile(xs, q) {
  if (!xs.length) return undefined;
  const sorted = [...xs].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Server start (spawn) -> first diagnostics for one small file, `runs` fresh processes. */
export async function measureStartup(kind, file, runs, log = () => {}) {
  const text = readFileSync(file, 'utf8');
  const times = [];
  for (let i = 0; i < runs; i++) {
    const session = new Session(kind, 60000);
    await session.initialize();
    const uri = uriOf(file);
    const published = session.waitFor(uri);
    await session.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: session.spec.languageId, version: 1, text },
    });
    const event = await published;
    times.push(event.at - session.startedAt);
    await session.stop();
  }
  log(`  ${kind}: start -> first diagnostics median ${median(times).toFixed(0)} ms`);
  return times;
}

/**
 * The main session: opens every file (and keeps them open), edits some, asks completion and
 * hover, then reads the peak RSS with everything open.
 */
export async function measureSession(
  kind,
  manifest,
  { files = Infinity, editFiles = 60, requestFiles = 60, largeRepeats = 3, log = () => {} } = {},
) {
  const session = await Session.start(kind, { timeoutMs: 120000 });
  const out = {
    server: session.spec.name,
    capabilities: { completion: session.hasCapability('completionProvider'), hover: session.hasCapability('hoverProvider') },
    small: { open: [], edit: [], completion: [], hover: [] },
    large: {},
    errorsByFile: {},
  };
  const small = manifest.small.slice(0, files);
  const texts = new Map();
  out.failures = [];
  // A lost or wrong answer is recorded, not fatal: the run goes on and the report says so.
  const attempt = async (what, fn) => {
    try {
      return await fn();
    } catch (error) {
      out.failures.push(`${what}: ${error.message}`);
      log(`  ${kind}: FAILED ${what}: ${error.message}`);
      return undefined;
    }
  };
  try {
    for (const entry of small) {
      const text = readFileSync(entry.file, 'utf8');
      texts.set(entry.file, text);
      const { ms, errors } = await session.open(uriOf(entry.file), text);
      out.small.open.push(ms);
      out.errorsByFile[entry.file] = errors;
    }
    log(`  ${kind}: opened ${small.length} files, open -> diagnostics median ${median(out.small.open).toFixed(1)} ms`);

    const editable = small.filter((e) => e.expect === 'valid' && out.errorsByFile[e.file] === 0).slice(0, editFiles);
    for (const entry of editable) {
      let version = 1;
      const uri = uriOf(entry.file);
      for (const edit of editsFor(entry, texts.get(entry.file))) {
        const ms = await attempt(`edit ${path.basename(entry.file)}`, () =>
          session.change(uri, ++version, edit.change, { broken: edit.broken, base: '' }),
        );
        if (ms !== undefined) out.small.edit.push(ms);
      }
    }
    log(`  ${kind}: ${out.small.edit.length} edits on small files, change -> diagnostics median ${median(out.small.edit)?.toFixed(1)} ms`);

    for (const entry of small.slice(0, requestFiles)) {
      for (const position of requestPositionsFor(entry, texts.get(entry.file))) {
        if (out.capabilities.completion)
          out.small.completion.push((await session.request('textDocument/completion', uriOf(entry.file), position.completion)).ms);
        if (out.capabilities.hover)
          out.small.hover.push((await session.request('textDocument/hover', uriOf(entry.file), position.hover)).ms);
      }
    }

    for (const entry of manifest.large) {
      const text = readFileSync(entry.file, 'utf8');
      const uri = uriOf(entry.file);
      const figures = {
        lines: entry.lines,
        kind: entry.kind,
        size: entry.size,
        open: [],
        edit: [],
        completion: [],
        hover: [],
        answers: {},
      };
      const opened = await session.open(uri, text);
      figures.open.push(opened.ms);
      out.errorsByFile[entry.file] = opened.errors;
      let version = 1;
      for (let round = 0; round < largeRepeats; round++) {
        for (const edit of editsFor(entry, text)) {
          const ms = await attempt(`edit ${path.basename(entry.file)}`, () =>
            session.change(uri, ++version, edit.change, { broken: edit.broken, base: opened.signature }),
          );
          if (ms !== undefined) figures.edit.push(ms);
        }
      }
      for (let round = 0; round < largeRepeats; round++) {
        for (const position of requestPositionsFor(entry, text)) {
          if (out.capabilities.completion) {
            const { ms, result } = await session.request('textDocument/completion', uri, position.completion);
            figures.completion.push(ms);
            figures.answers[`completion ${position.label}`] = (Array.isArray(result) ? result : (result?.items ?? [])).length;
          }
          if (out.capabilities.hover) {
            const { ms, result } = await session.request('textDocument/hover', uri, position.hover);
            figures.hover.push(ms);
            figures.answers[`hover ${position.label}`] = Boolean(result);
          }
        }
      }
      out.large[path.basename(entry.file)] = figures;
      log(
        `  ${kind}: ${path.basename(entry.file)} open ${opened.ms.toFixed(0)} ms, edit median ${median(figures.edit).toFixed(0)} ms, completion ${median(figures.completion)?.toFixed(0) ?? 'n/a'} ms, hover ${median(figures.hover)?.toFixed(0) ?? 'n/a'} ms`,
      );
    }
    out.openFiles = small.length + manifest.large.length;
  } finally {
    out.peakRssMb = await session.stop();
    if (session.stderr.trim()) out.stderr = session.stderr.slice(0, 2000);
  }
  log(`  ${kind}: peak RSS ${out.peakRssMb?.toFixed(0)} MB with ${out.openFiles} files open`);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { parseFlags } = await import('./corpus.mjs');
  const flags = parseFlags(process.argv.slice(2), {
    server: 'ours',
    files: 300,
    editFiles: 60,
    requestFiles: 60,
    largeRepeats: 3,
    corpus: path.join(HERE, 'corpus'),
  });
  const manifest = JSON.parse(readFileSync(path.join(flags.corpus, 'manifest.json'), 'utf8'));
  const result = await measureSession(flags.server, manifest, { ...flags, log: console.error });
  console.log(JSON.stringify(result, null, 2));
}
