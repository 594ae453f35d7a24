#!/usr/bin/env node
// `npm start`: the product's main job on a fresh machine.
//   1. build (production) and package the extension as a .vsix
//   2. start the local sandbox API (`kore-campaign sandbox`) on 127.0.0.1:4777
//   3. open VS Code on examples/ with the .vsix installed and the "Local sandbox" connection
//      active: desktop `code` when it is on PATH, otherwise code-server on 127.0.0.1 (URL printed)
// One Ctrl+C stops all of it (every child runs in its own process group and is killed by group).
//
// Options / environment:
//   --code-server        use code-server even when `code` is on PATH
//   --port N             code-server port (default $KORE_START_PORT or 3777; when it is taken, a
//                        free one, and a line says which port was wanted, why, and the address used)
//   --exit-after-start   start everything, check it answers, stop (used by CI / smoke checks)
//   --print-url          choose the ports as a start would (saying so when one is taken), print the
//                        address code-server would open and exit: builds and starts nothing
//   KORE_TOOLS_DIR       where scripts/editor-tools.sh installed code-server and Node 24
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CODE_SERVER,
  ROOT,
  TOOLS_DIR,
  installVsix,
  killGroup,
  makeUserDataDir,
  packageVsix,
  readPkg,
  run,
  startCliSandbox,
  startCodeServer,
  toolsMissing,
  withNode24Env,
} from './lib/code-server.mjs';
import { choosePort, wantedCodeServerPort } from './lib/start-port.mjs';

let options;
let wantedPort;
try {
  ({ values: options } = parseArgs({
    options: {
      'code-server': { type: 'boolean' },
      port: { type: 'string' },
      'exit-after-start': { type: 'boolean' },
      'print-url': { type: 'boolean' },
    },
  }));
  wantedPort = wantedCodeServerPort(options.port);
} catch (err) {
  console.error(
    `${err.message}\nUsage: npm start [-- --code-server] [--port N] [--print-url] [--exit-after-start] (see the top of scripts/start.mjs)`,
  );
  process.exit(2);
}
const exitAfterStart = options['exit-after-start'] === true;
const SANDBOX_PORT = 4777; // the "Local sandbox" connection's default (koreCampaign.connections.sandboxPort)
const SANDBOX_HINT = 'koreCampaign.connections.sandboxPort is set to match';
const CODE_SERVER_HINT = '--port N or KORE_START_PORT to choose one';
const examples = path.join(ROOT, 'examples');
const workbenchUrl = (url) => `${url}/?folder=${encodeURIComponent(examples)}`;
const pgids = [];
let stopping = false;

function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const p of pgids.splice(0).reverse()) killGroup(p, 1500);
  process.exit(code);
}
process.on('SIGINT', () => {
  console.log('\nStopping VS Code and the sandbox...');
  stopAll(0);
});
process.on('SIGTERM', () => stopAll(0));
process.on('SIGHUP', () => stopAll(0));

const say = (s) => console.log(`\x1b[1m[start]\x1b[0m ${s}`);

// ---- --print-url: the ports and the address, nothing built or started ------------------------
if (options['print-url']) {
  for (const [wanted, what, hint] of [
    [SANDBOX_PORT, 'the sandbox', SANDBOX_HINT],
    [wantedPort, 'code-server', CODE_SERVER_HINT],
  ]) {
    const { url, notice } = await choosePort(wanted, { what, hint });
    if (notice) say(notice);
    if (what === 'code-server') console.log(workbenchUrl(url));
  }
  process.exit(0);
}

// ---- 1. Build and package ---------------------------------------------------------------------
const t0 = Date.now();
say('building (production)...');
run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production']);
const pkg = readPkg();
const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
say(`packaging ${path.basename(vsix)}...`);
packageVsix(vsix);
const size = fs.statSync(vsix).size;
say(`${path.relative(ROOT, vsix)}: ${(size / 1024).toFixed(0)} KB`);
if (size > 1024 * 1024) console.warn(`warning: the .vsix is over 1 MB (${size} bytes); check the files list in package.json`);

// ---- 2. The sandbox ---------------------------------------------------------------------------
const logDir = path.join(ROOT, 'test-results', 'start');
fs.mkdirSync(logDir, { recursive: true });
const sandboxChoice = await choosePort(SANDBOX_PORT, { what: 'the sandbox', hint: SANDBOX_HINT });
if (sandboxChoice.notice) say(sandboxChoice.notice);
const sandboxPort = sandboxChoice.port;
const sandbox = await startCliSandbox({ port: sandboxPort, logFile: path.join(logDir, 'sandbox.log') });
pgids.push(sandbox.pgid);
say(`sandbox listening on ${sandbox.url} (log: ${path.relative(ROOT, path.join(logDir, 'sandbox.log'))})`);

// Settings that make the Local sandbox the active connection and point it at this sandbox.
const startSettings = {
  'koreCampaign.preferredConnection': 'Local sandbox',
  'koreCampaign.connections.sandboxPort': sandboxPort,
};

// ---- 3. VS Code -------------------------------------------------------------------------------
// Profiles persist between runs (connections you add stay), outside the repo. The extension
// stores the "Local sandbox" connection's host once, on first activation, so a run whose
// sandbox is not on the default port gets a fresh profile of its own (removed at exit).
function profileDir(name) {
  if (sandboxPort === SANDBOX_PORT) return path.join(TOOLS_DIR, name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kore-${name}-`));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const code = options['code-server'] ? undefined : which('code');
if (code) {
  // Its own profile (settings, extensions), so the user's everyday VS Code is not touched.
  const profile = profileDir('start-profile-desktop');
  const dirs = ['--user-data-dir', path.join(profile, 'user-data'), '--extensions-dir', path.join(profile, 'extensions')];
  say(`desktop VS Code: ${code} (profile ${profile})`);
  mergeSettings(path.join(profile, 'user-data', 'User', 'settings.json'), startSettings);
  run(code, [...dirs, '--install-extension', vsix, '--force']);
  say(`opening ${examples} (close the window or press Ctrl+C here to stop the sandbox)`);
  const child = spawn(code, [...dirs, '--new-window', '--wait', examples], { stdio: 'inherit', detached: true });
  pgids.push(child.pid);
  if (exitAfterStart) stopAll(0);
  child.on('exit', () => stopAll(0));
} else {
  if (toolsMissing().length) {
    // First run on a machine without desktop VS Code: install code-server (idempotent, ~2 min, outside the repo).
    say(`no desktop \`code\` on PATH: installing code-server into ${TOOLS_DIR} (first run only, about 2 minutes)...`);
    const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'editor-tools.sh')], { stdio: 'inherit' });
    const missing = toolsMissing();
    if (install.status !== 0 || missing.length) {
      console.error(
        `Could not install code-server (missing ${missing.join(', ') || 'nothing, but the installer failed'}).\nSee the output above; scripts/editor-tools.sh can be run on its own.`,
      );
      stopAll(2);
    }
  }
  const profile = profileDir('start-profile');
  const userDataDir = path.join(profile, 'user-data');
  const extensionsDir = path.join(profile, 'extensions');
  if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) makeUserDataDir(userDataDir);
  mergeSettings(path.join(userDataDir, 'User', 'settings.json'), { ...startSettings, 'workbench.startupEditor': 'none' });
  say('installing the .vsix into code-server...');
  try {
    installVsix(vsix, { userDataDir, extensionsDir });
  } catch (err) {
    console.error(err.message);
    stopAll(1);
  }
  const { port, notice } = await choosePort(wantedPort, { what: 'code-server', hint: CODE_SERVER_HINT });
  if (notice) say(notice);
  const cs = await startCodeServer({
    workspace: examples,
    userDataDir,
    extensionsDir,
    port,
    logFile: path.join(logDir, 'code-server.log'),
  });
  pgids.push(cs.pgid);
  const url = workbenchUrl(cs.url);
  console.log('');
  say(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`\n  VS Code (code-server ${cs.url}) with ${pkg.displayName} installed, on examples/:\n\n    \x1b[1;36m${url}\x1b[0m\n`);
  console.log('  Open a *.campaign.yaml, then F1 > "Push Campaign": it goes to the "Local sandbox" connection');
  console.log(`  (the sandbox on ${sandbox.url}). Press Ctrl+C here to stop VS Code and the sandbox.\n`);
  if (exitAfterStart) {
    const res = await fetch(url);
    const list = spawnSync(
      CODE_SERVER,
      ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--list-extensions', '--show-versions'],
      { env: withNode24Env(process.env), encoding: 'utf8' },
    );
    say(`check: GET ${url} -> ${res.status}; installed: ${list.stdout.trim().split('\n').join(', ')}`);
    stopAll(res.ok && list.stdout.includes(`${pkg.publisher}.${pkg.name}@${pkg.version}`) ? 0 : 1);
  }
  cs.proc.on('exit', (c) => {
    console.log(`code-server exited (${c}); see ${path.relative(ROOT, cs.logFile)}`);
    stopAll(c ? 1 : 0);
  });
  sandbox.proc.on('exit', (c) => {
    if (!stopping) console.log(`the sandbox exited (${c}); see test-results/start/sandbox.log`);
  });
}

// ---- helpers ----------------------------------------------------------------------------------
function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

function mergeSettings(file, values) {
  let current = {};
  try {
    current = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    /* missing or with comments: start over below */
  }
  if (fs.existsSync(file) && Object.keys(current).length === 0 && fs.readFileSync(file, 'utf8').trim()) {
    say(`not touching ${file} (not plain JSON); set ${Object.keys(values).join(', ')} yourself if needed`);
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...current, ...values }, null, 2));
}
