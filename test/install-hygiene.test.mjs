// Installing the project is quiet and asks before it escalates: `npm ci` on Node 20 meets every
// package's engines (no EBADENGINE), the benchmark's own dependency lives in bench/ with its own
// lock, and scripts/editor-tools.sh never runs sudo without a yes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempDir } from './helpers/fixtures.mjs';
import { ROOT } from './helpers/lsp-client.mjs';

const require = createRequire(import.meta.url);
const semver = require('semver');
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('npm ci on the oldest Node the project supports meets every locked package\'s engines (no EBADENGINE)', () => {
  const oldest = semver.minVersion(pkg.engines.node).version;
  assert.match(oldest, /^20\./);
  const refusing = Object.entries(lock.packages)
    .filter(([, entry]) => entry.engines?.node && !semver.satisfies(oldest, entry.engines.node))
    .map(([name, entry]) => `${name} wants node ${entry.engines.node}`);
  assert.deepEqual(refusing, []);
});

test('the benchmark\'s comparison server is a bench-only dependency with its own lock', () => {
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
