// The npm package as a user gets it: `npm pack` from a clean copy of the sources (prepack builds
// the bundles), installed offline into an empty folder, then both bins run from there: the CLI
// validates a file, the language server answers a real LSP session over stdio.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { cleanCopy, cleanEnv } from './helpers/clean-copy.mjs';
import { runCliWith } from './helpers/cli.mjs';
import { readFixture, tempDir } from './helpers/fixtures.mjs';
import { ROOT, startServer } from './helpers/lsp-client.mjs';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
let tarball;
let packed;
let installed;

before(async () => {
  const source = cleanCopy('kc-pack-src-');
  const out = tempDir('kc-pack-out-');
  const result = spawnSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: source, encoding: 'utf8', env: cleanEnv });
  assert.equal(result.status, 0, result.stderr);
  [packed] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
  tarball = path.join(out, packed.filename);

  installed = tempDir('kc-pack-install-');
  const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {
    cwd: installed,
    encoding: 'utf8',
    env: cleanEnv,
  });
  assert.equal(install.status, 0, install.stderr);
});

test('the package is publishable: not private, no runtime dependencies, built by prepack', () => {
  assert.equal(pkg.private, undefined);
  assert.deepEqual(pkg.dependencies ?? {}, {});
  assert.match(pkg.scripts.prepack, /scripts\/build\.mjs --production/);
  assert.deepEqual(Object.keys(pkg.bin).sort(), ['kore-campaign', 'kore-campaign-language-server']);
});

test('the tarball holds only what runs: bins, bundles, schema, README, LICENSE; no sources or tests', () => {
  const names = packed.files.map((f) => f.path).sort();
  for (const required of [
    'bin/kore-campaign.js',
    'bin/kore-campaign-language-server.js',
    'dist/cli.js',
    'dist/server.js',
    'schemas/campaign.schema.json',
    'README.md',
    'LICENSE',
    'package.json',
  ]) {
    assert.ok(names.includes(required), `${required} is missing from the tarball`);
  }
  for (const name of names) {
    assert.doesNotMatch(name, /^(test|core|cli|client|server|platform|sandbox|scripts|bench|docs)\//, `${name} should not be published`);
    assert.doesNotMatch(name, /\.(ts|map)$/, `${name} should not be published`);
  }
  // The one example is the Get Started walkthrough's "Open an example campaign".
  assert.deepEqual(
    names.filter((n) => n.startsWith('examples/')),
    ['examples/billing-reminder.campaign.yaml'],
  );
  // Production bundles: minified, no source map references.
  const cli = readFileSync(path.join(installed, 'node_modules', 'kore-campaign', 'dist', 'cli.js'), 'utf8');
  assert.doesNotMatch(cli, /sourceMappingURL/);
  assert.ok(
    readdirSync(path.join(installed, 'node_modules')).every((name) => name === 'kore-campaign' || name.startsWith('.')),
    'installing it brought no other package',
  );
});

test('the installed kore-campaign bin runs: --version and validate', async () => {
  const bin = path.join(installed, 'node_modules', '.bin', 'kore-campaign');
  assert.equal(execFileSync(bin, ['--version'], { cwd: installed, encoding: 'utf8' }), `${pkg.version}\n`);
  writeFileSync(path.join(installed, 'billing.campaign.yaml'), readFixture('priority-number.campaign.yaml'));
  const r = await runCliWith(['validate', 'billing.campaign.yaml'], { cwd: installed, bin });
  assert.equal(r.code, 1);
  assert.equal(
    r.stdout,
    'billing.campaign.yaml:7:11 error priority must be a string "1".."5"; found the number 5. [type]\n1 file checked: 1 error, 0 warnings.\n',
  );
});

test('the installed language server bin answers an LSP session over stdio (initialize, diagnostics)', async (t) => {
  const bin = path.join(installed, 'node_modules', 'kore-campaign', 'bin', 'kore-campaign-language-server.js');
  const client = await startServer({ serverArgs: [bin, '--stdio'], workspaceFolder: installed });
  t.after(() => client.stop());
  assert.equal(client.initialize.serverInfo.name, 'kore-campaign-language-server');
  assert.ok(client.initialize.capabilities.completionProvider);
  const uri = pathToFileURL(path.join(installed, 'billing.campaign.yaml')).href;
  const diagnostics = await client.open(uri, readFixture('priority-number.campaign.yaml'));
  assert.deepEqual(
    diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code]),
    [[6, 10, 'type']],
  );
  // No transport flag: stdio is the default, as Helix and others start it.
  const bare = await startServer({ serverArgs: [bin], workspaceFolder: installed });
  t.after(() => bare.stop());
  assert.equal((await bare.open(uri, readFixture('valid.campaign.yaml'))).length, 0);
});
